// A deploy or Ctrl+C closes the server while browsers still hold kept-alive connections to it: a
// request that arrives then must get the contract's 503 with Retry-After (the receipt queue then
// keeps its receipts and retries), and the request already in flight must still be answered.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { after, describe, it } from 'node:test';
import { type InProcessApp, inProcessApp } from './in-process.js';

interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Splits what the server wrote on one connection into its responses (all sized by Content-Length). */
function parseResponses(raw: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = raw;
  while (rest.length > 0) {
    const headEnd = rest.indexOf('\r\n\r\n');
    assert.ok(headEnd > 0, `an incomplete response: ${JSON.stringify(rest)}`);
    const [statusLine = '', ...lines] = rest.slice(0, headEnd).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const bodyEnd = headEnd + 4 + Number(headers['content-length']);
    responses.push({
      status: Number(statusLine.split(' ')[1]),
      headers,
      body: rest.slice(headEnd + 4, bodyEnd),
    });
    rest = rest.slice(bodyEnd);
  }
  return responses;
}

describe('shutdown', () => {
  let app: InProcessApp | undefined;
  after(async () => app?.close());

  it(
    'answers a request that arrives while closing with 503 unavailable and Retry-After, and finishes the one in flight',
    { timeout: 10_000 },
    async () => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let reachedHandler!: () => void;
      const inFlight = new Promise<void>((resolve) => (reachedHandler = resolve));
      let startClosing!: () => void;
      const closing = new Promise<void>((resolve) => (startClosing = resolve));
      app = await inProcessApp({ CORS_ORIGINS: 'https://www.example.org' }, undefined, (instance) => {
        // A request that stays in flight until the test lets it go.
        instance.get('/test/slow', async () => {
          reachedHandler();
          await released;
          return { finished: true };
        });
        // Runs after the app's own preClose hook: from here on, close() has begun.
        instance.addHook('preClose', (done) => {
          startClosing();
          done();
        });
      });
      await app.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.app.server.address() as net.AddressInfo;

      const connection = net.connect(port, '127.0.0.1');
      let written = '';
      connection.setEncoding('utf8');
      connection.on('data', (chunk: string) => (written += chunk));
      const connectionClosed = once(connection, 'close');
      connection.write('GET /test/slow HTTP/1.1\r\nHost: localhost\r\n\r\n');
      await inFlight;

      const closed = app.app.close();
      await closing;
      // The same kept-alive connection, as a browser reuses it for its next request.
      connection.write(
        'POST /api/consent/receipts HTTP/1.1\r\nHost: localhost\r\nOrigin: https://www.example.org\r\n' +
          'Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
      );
      release();
      await connectionClosed;
      await closed;

      const [slow, late, ...more] = parseResponses(written);
      assert.equal(more.length, 0);
      assert.equal(slow?.status, 200);
      assert.deepEqual(JSON.parse(slow?.body ?? ''), { finished: true });
      assert.equal(late?.status, 503);
      assert.equal(late?.headers['retry-after'], '5');
      assert.equal(late?.headers.connection, 'close');
      assert.match(late?.headers['content-type'] ?? '', /^application\/json/);
      assert.equal(late?.headers['access-control-allow-origin'], 'https://www.example.org');
      assert.deepEqual(JSON.parse(late?.body ?? ''), {
        error: 'unavailable',
        message: 'The server is not available; try again later.',
      });
    },
  );
});
