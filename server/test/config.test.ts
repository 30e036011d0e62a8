// Start-up validation: every bad environment value is named in its own message and the process
// exits 1 before listening.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readConfig } from '../src/config.js';
import { openStorage } from '../src/storage/index.js';
import { runServerExpectingExit, tempDir } from './helpers.js';

describe('environment validation', () => {
  it('refuses to start with bad values, one clear line per variable, exit 1', async () => {
    const { code, output } = await runServerExpectingExit({
      PORT: '80800',
      PUBLIC_URL: 'ftp://example.org',
      CORS_ORIGINS: 'https://ok.example.org,https://example.org/path',
      PRIVACY_KIT_EXPORT_TOKEN: 'short',
      SMTP_URL: 'mail.example.org',
      RATE_LIMIT_MAX: '-3',
      LOG_LEVEL: 'loud',
    });
    assert.equal(code, 1);
    const lines = output.trim().split('\n');
    for (const name of [
      'PORT',
      'PUBLIC_URL',
      'CORS_ORIGINS',
      'PRIVACY_KIT_EXPORT_TOKEN',
      'SMTP_URL',
      'RATE_LIMIT_MAX',
      'LOG_LEVEL',
    ]) {
      assert.equal(
        lines.filter((line) => line.startsWith(`privacy-kit server: ${name} `)).length,
        1,
        `${name} in:\n${output}`,
      );
    }
    assert.doesNotMatch(output, /listening on|at .*\.ts:\d+/, 'no start, no stack trace');
  });

  it('reports an unreachable PostgreSQL DATABASE_URL in one line, without the password', async () => {
    const config = readConfig({ DATABASE_URL: 'postgres://user:hunter2-secret@127.0.0.1:1/privacy' });
    assert.ok(config.ok, 'a postgres:// URL is a valid setting');
    const opened = await openStorage(config.value);
    assert.ok(!opened.ok);
    assert.match(opened.error, /^DATABASE_URL: cannot open PostgreSQL at postgres:\/\/.*127\.0\.0\.1:1\//);
    assert.doesNotMatch(opened.error, /hunter2-secret/, 'the password is not echoed');
    assert.doesNotMatch(opened.error, /\n/);
    const other = readConfig({ DATABASE_URL: 'mysql://db.example.org/privacy' });
    assert.ok(!other.ok);
    assert.match(other.errors[0] ?? '', /^DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('reports a DATA_DIR that cannot be created', async () => {
    // A directory cannot be made inside a regular file.
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a directory');
    const config = readConfig({ DATA_DIR: join(file, 'data') });
    assert.ok(config.ok);
    const opened = await openStorage(config.value);
    assert.ok(!opened.ok);
    assert.match(opened.error, /^DATA_DIR: cannot open the SQLite database/);
  });

  it('applies the documented defaults', () => {
    const result = readConfig({});
    assert.ok(result.ok);
    assert.equal(result.value.port, 8080);
    assert.equal(result.value.host, '127.0.0.1');
    assert.equal(result.value.publicUrl, 'http://localhost:8080');
    assert.equal(result.value.exportToken, undefined);
    assert.equal(result.value.rateLimitMax, 300);
    assert.deepEqual(result.value.corsOrigins, []);
    assert.ok(result.value.dataDir.endsWith('/.data'));
    assert.ok(result.value.outboxDir.endsWith('/.data/outbox'));
  });

  it('normalises PUBLIC_URL and CORS origins', () => {
    const result = readConfig({
      PUBLIC_URL: 'https://www.example.org/',
      CORS_ORIGINS: 'https://a.example.org/, http://localhost:3000',
    });
    assert.ok(result.ok);
    assert.equal(result.value.publicUrl, 'https://www.example.org');
    assert.deepEqual(result.value.corsOrigins, ['https://a.example.org', 'http://localhost:3000']);
  });
});
