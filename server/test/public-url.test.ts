// Mail links must reach the site: a server reachable from elsewhere (HOST=0.0.0.0, a container,
// behind a proxy) without PUBLIC_URL would mail links to http://localhost, which opens nothing on
// the reader's machine. Sending real mail that way is refused; writing to the outbox is warned about.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readConfig } from '../src/config.js';
import { publicUrlWarning } from '../src/public-url.js';
import { type RunningServer, removeDir, runServerExpectingExit, startServer } from './helpers.js';

/** Resolves once the server's output matches `pattern`, woken by what it writes to stderr. */
function stderrMatches(server: RunningServer, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    // Registered after the helper's own listener, so output() already holds each chunk.
    const check = (): void => {
      if (!pattern.test(server.output())) return;
      server.child.stderr?.off('data', check);
      resolve(server.output());
    };
    server.child.stderr?.on('data', check);
    check();
  });
}

describe('PUBLIC_URL for mail links', () => {
  it('refuses to send real mail (SMTP_URL) without PUBLIC_URL', async () => {
    const refused = readConfig({ SMTP_URL: 'smtp://mail.example.org:587' });
    assert.ok(!refused.ok);
    assert.deepEqual(refused.errors.length, 1);
    assert.match(refused.errors[0] ?? '', /^PUBLIC_URL must be set when SMTP_URL is/);
    assert.ok(
      readConfig({ SMTP_URL: 'smtp://mail.example.org:587', PUBLIC_URL: 'https://www.example.org' }).ok,
    );

    const { code, output } = await runServerExpectingExit({
      SMTP_URL: 'smtp://127.0.0.1:1',
      HOST: '0.0.0.0',
    });
    assert.equal(code, 1);
    assert.match(output, /^privacy-kit server: PUBLIC_URL must be set when SMTP_URL is/m);
  });

  it('warns at start-up when listening on every interface without PUBLIC_URL', async () => {
    const server = await startServer({ HOST: '0.0.0.0' });
    try {
      const output = await stderrMatches(server, /warning: HOST=0\.0\.0\.0 without PUBLIC_URL/);
      assert.match(output, /set PUBLIC_URL to the site's address/);
    } finally {
      await server.stop();
      removeDir(server.dataDir);
    }
  });

  it('says nothing for a loopback address or when PUBLIC_URL is set', () => {
    assert.equal(publicUrlWarning({ host: '127.0.0.1', publicUrl: undefined }), undefined);
    assert.equal(publicUrlWarning({ host: '0.0.0.0', publicUrl: 'https://www.example.org' }), undefined);
    assert.match(publicUrlWarning({ host: '::', publicUrl: undefined }) ?? '', /^HOST=:: without PUBLIC_URL/);
  });
});
