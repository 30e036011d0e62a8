// Link tokens stay out of the logs: at LOG_LEVEL=info every request is logged with its URL, and
// the newsletter page and the one-click address carry a token in theirs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { redactTokens } from '../src/log-redaction.js';
import { type RunningServer, removeDir, startServer } from './helpers.js';

/** Resolves once the server's output matches `pattern` `count` times, woken by its output. */
function outputMatches(server: RunningServer, pattern: RegExp, count: number): Promise<string> {
  const enough = () => (server.output().match(new RegExp(pattern, 'g')) ?? []).length >= count;
  return new Promise((resolve) => {
    if (enough()) return resolve(server.output());
    // Registered after the helper's own listener, so output() already holds the chunk.
    const check = (): void => {
      if (!enough()) return;
      server.child.stdout?.off('data', check);
      resolve(server.output());
    };
    server.child.stdout?.on('data', check);
  });
}

describe('request logs', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ LOG_LEVEL: 'info' });
  });
  after(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('show that a token was there, never the token', async () => {
    const secrets = ['SecretPageToken0123456789', 'SecretOneClick0123456789', 'SecretUnknown0123456789'];
    await fetch(`${server.url}/nieuwsbrief.html?token=${secrets[0]}&action=confirm`);
    await fetch(`${server.url}/api/newsletter/unsubscribe/one-click?token=${secrets[1]}`, {
      redirect: 'manual',
    });
    await fetch(`${server.url}/no-such-page?action=manage&Token=${secrets[2]}`);
    const output = await outputMatches(server, /"msg":"incoming request"/, 3);
    for (const secret of secrets) assert.ok(!output.includes(secret), `${secret} is not logged`);
    assert.match(output, /"url":"\/nieuwsbrief\.html\?token=\[redacted\]&action=confirm"/);
    assert.match(output, /"url":"\/no-such-page\?action=manage&Token=\[redacted\]"/);
  });

  it('redacts only the token parameter, wherever it stands', () => {
    assert.equal(redactTokens('/a?token=x&action=confirm'), '/a?token=[redacted]&action=confirm');
    assert.equal(redactTokens('/a?action=confirm&token=x'), '/a?action=confirm&token=[redacted]');
    assert.equal(
      redactTokens('/a?mytoken=x&token=y&token=z'),
      '/a?mytoken=x&token=[redacted]&token=[redacted]',
    );
    assert.equal(redactTokens('/a/token=x'), '/a/token=x');
    assert.equal(redactTokens('/a'), '/a');
  });
});
