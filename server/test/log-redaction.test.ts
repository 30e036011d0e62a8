// Link tokens stay out of the logs: at LOG_LEVEL=info every request is logged with its URL, and
// the newsletter page and the one-click address carry a token in theirs.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { errorSerializer, redactTokens } from '../src/log-redaction.js';
import { type RunningServer, removeDir, send, startServer } from './helpers.js';

/** An SMTP server on 127.0.0.1 that refuses every recipient, quoting the address as real ones do. */
function refusingSmtpServer(): Promise<{ port: number; close: () => void }> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write('220 smtp.example.org ESMTP\r\n');
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      for (let end = buffer.indexOf('\r\n'); end !== -1; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const recipient = /^RCPT TO:<([^>]*)>/i.exec(line)?.[1];
        if (recipient) socket.write(`550 5.1.1 <${recipient}>: Recipient address rejected\r\n`);
        else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as net.AddressInfo).port, close: () => server.close() }),
    ),
  );
}

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

describe('error logs', () => {
  it("keep a mail server's refusal but not the address it quotes", async () => {
    const relay = await refusingSmtpServer();
    const server = await startServer({
      SMTP_URL: `smtp://127.0.0.1:${relay.port}`,
      PUBLIC_URL: 'https://www.example.org',
    });
    try {
      const answer = await send(`${server.url}/api/newsletter/subscribe`, {
        email: 'jane.doe@example.org',
        revision: '2018-06-18',
        consentText: 'Ja',
        measureOpens: false,
      });
      assert.equal(answer.status, 503);
      const output = await outputMatches(server, /confirmation mail could not be sent/, 1);
      assert.match(output, /550 5\.1\.1 <\[address\]>: Recipient address rejected/);
      assert.ok(!output.includes('jane.doe@example.org'), output);
    } finally {
      await server.stop();
      removeDir(server.dataDir);
      relay.close();
    }
  });

  it('replace addresses in every text field of an error, and leave other values and paths alone', () => {
    const error = Object.assign(new Error('Can not send mail to a.b+c@mail.example.org'), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 <a.b+c@mail.example.org> unknown',
    });
    error.stack = 'Error: x\n    at send (/srv/node_modules/@fastify/static/index.js:1:1)';
    assert.deepEqual(errorSerializer(error), {
      type: 'Error',
      message: 'Can not send mail to [address]',
      stack: 'Error: x\n    at send (/srv/node_modules/@fastify/static/index.js:1:1)',
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 <[address]> unknown',
    });
    assert.deepEqual(errorSerializer('to jan@example.org' as unknown as Error), {
      type: 'string',
      message: 'to [address]',
      stack: '',
    });
  });
});
