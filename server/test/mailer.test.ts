// The SMTP mailer against SMTP servers that hang: a send must fail within its timeouts (and the
// request answer 503), not hold the request for the minutes nodemailer would wait by default.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createMailer } from '../src/mail/mailer.js';

/** A TCP server on 127.0.0.1 that accepts connections and then says `greeting` (or nothing) forever. */
function hangingSmtpServer(greeting?: string): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (greeting) socket.write(greeting);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        port,
        close: () => {
          for (const socket of sockets) socket.destroy();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}

const mail = { to: 'jan@example.org', subject: 'Test', text: 'Hallo' };

describe('SMTP mailer timeouts', () => {
  let silent: Awaited<ReturnType<typeof hangingSmtpServer>>;
  let mute: Awaited<ReturnType<typeof hangingSmtpServer>>;
  before(async () => {
    silent = await hangingSmtpServer();
    mute = await hangingSmtpServer('220 smtp.example.org ESMTP\r\n');
  });
  after(async () => {
    await silent.close();
    await mute.close();
  });

  it('gives up on a server that accepts the connection but never greets', async () => {
    const mailer = createMailer({
      from: 'nieuwsbrief@example.org',
      smtpUrl: `smtp://127.0.0.1:${silent.port}`,
      outboxDir: '/nonexistent',
      timeouts: { greetingMs: 300 },
    });
    const started = performance.now();
    await assert.rejects(mailer.send(mail));
    assert.ok(performance.now() - started < 5_000, 'the greeting timeout applies');
    mailer.close();
  });

  it('gives up on a server that greets and then stops answering', async () => {
    const mailer = createMailer({
      from: 'nieuwsbrief@example.org',
      smtpUrl: `smtp://127.0.0.1:${mute.port}`,
      outboxDir: '/nonexistent',
      timeouts: { socketMs: 300 },
    });
    const started = performance.now();
    await assert.rejects(mailer.send(mail));
    assert.ok(performance.now() - started < 5_000, 'the socket timeout applies');
    mailer.close();
  });
});
