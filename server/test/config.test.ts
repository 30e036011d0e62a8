// Start-up validation: every bad environment value is named in its own message and the process
// exits 1 before listening.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readConfig } from '../src/config.js';
import { openStorage } from '../src/storage/index.js';
import { runServerExpectingExit, tempDir } from './helpers.js';
import { inProcessApp } from './in-process.js';

describe('environment validation', () => {
  it('refuses to start with bad values, one clear line per variable, exit 1', async () => {
    const { code, output } = await runServerExpectingExit({
      PORT: '80800',
      PUBLIC_URL: 'ftp://example.org',
      CORS_ORIGINS: 'https://ok.example.org,https://example.org/path',
      PRIVACY_KIT_EXPORT_TOKEN: 'short',
      SMTP_URL: 'mail.example.org',
      RATE_LIMIT_MAX: '-3',
      MAIL_MIN_INTERVAL_SECONDS: 'soon',
      MAIL_MAX_PER_DAY: '0',
      MAIL_RATE_LIMIT_PER_HOUR: '1.5',
      DATABASE_POOL_MAX: '0',
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
      'MAIL_MIN_INTERVAL_SECONDS',
      'MAIL_MAX_PER_DAY',
      'MAIL_RATE_LIMIT_PER_HOUR',
      'DATABASE_POOL_MAX',
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
    assert.equal(result.value.publicUrl, undefined, 'mail links use the address the server listens on');
    assert.equal(result.value.exportToken, undefined);
    assert.equal(result.value.rateLimitMax, 300);
    assert.equal(result.value.mailMinIntervalSeconds, 60);
    assert.equal(result.value.mailMaxPerDay, 5);
    assert.equal(result.value.mailRateLimitPerHour, 30);
    assert.equal(result.value.databasePoolMax, 10);
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

describe('TRUST_PROXY', () => {
  it('takes a list of proxy addresses, CIDRs and range names', () => {
    const result = readConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8, ::1, loopback' });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value.trustProxy, ['10.0.0.5', '10.1.0.0/16', 'fd00::/8', '::1', 'loopback']);
    const off = readConfig({});
    assert.ok(off.ok);
    assert.equal(off.value.trustProxy, false);
  });

  it('refuses "true" (anyone could choose their IP) and anything that is not an address or CIDR', () => {
    for (const raw of [
      'true',
      '10.0.0.300',
      '10.0.0.0/33',
      'fd00::/129',
      'proxy.example.org',
      '10.0.0.0/8/1',
      ',',
    ]) {
      const result = readConfig({ TRUST_PROXY: raw });
      assert.ok(!result.ok, raw);
      assert.equal(result.errors.length, 1, raw);
      assert.match(result.errors[0] ?? '', /^TRUST_PROXY /, raw);
    }
  });

  it('believes X-Forwarded-For only from a listed proxy, so nobody else can dodge the rate limit', async () => {
    const { app, close } = await inProcessApp({ TRUST_PROXY: '10.0.0.5', RATE_LIMIT_MAX: '1' });
    try {
      const call = (remoteAddress: string, forwardedFor: string) =>
        app
          .inject({
            method: 'GET',
            url: '/api/newsletter/subscribers',
            remoteAddress,
            headers: { 'x-forwarded-for': forwardedFor },
          })
          .then((response) => response.statusCode);
      // Through the proxy: two visitors, one budget each (401: no export token, but not limited).
      assert.deepEqual(
        [await call('10.0.0.5', '198.51.100.1'), await call('10.0.0.5', '198.51.100.2')],
        [401, 401],
      );
      // A client talking directly cannot pose as a new visitor by inventing the header.
      assert.deepEqual(
        [await call('192.0.2.7', '198.51.100.3'), await call('192.0.2.7', '198.51.100.4')],
        [401, 429],
      );
    } finally {
      await close();
    }
  });
});
