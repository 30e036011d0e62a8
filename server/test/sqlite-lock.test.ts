// Another process holding the SQLite write lock (a second instance on the file, an operator's
// sqlite3 shell, a VACUUM) delays only the writes that need it: the rest of the server answers.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SQLITE_FILE_NAME } from '../src/storage/index.js';
import { type RunningServer, makeReceipt, removeDir, send, startServer } from './helpers.js';
import { subscription } from './newsletter-server.js';

/** Resolves once the server has logged `count` incoming requests of `method`. */
function requestsLogged(server: RunningServer, method: string, count: number): Promise<void> {
  const seen = (): boolean =>
    server
      .output()
      .split('\n')
      .filter((line) => line.includes('incoming request') && line.includes(`"method":"${method}"`)).length >=
    count;
  return new Promise((resolve) => {
    if (seen()) return resolve();
    const check = (): void => {
      // The helper appends to output() in its own listener, registered before this one.
      if (!seen()) return;
      server.child.stdout?.off('data', check);
      resolve();
    };
    server.child.stdout?.on('data', check);
  });
}

async function timed(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

describe('a SQLite write lock held by another process', () => {
  it('keeps /api/health and static pages answering while receipts and a subscription wait for it, then stores them', async () => {
    const server = await startServer({ LOG_LEVEL: 'info' });
    const other = new Database(join(server.dataDir, SQLITE_FILE_NAME));
    other.exec('BEGIN IMMEDIATE');
    let locked = true;
    try {
      const endpoint = `${server.url}/api/consent/receipts`;
      const posts = [
        ...[1, 2, 3].map(() => send(endpoint, makeReceipt())),
        send(`${server.url}/api/newsletter/subscribe`, subscription('locked@example.org')),
      ];
      // From the first write on the lock, every other request must still be served.
      await requestsLogged(server, 'POST', 1);
      const health = await timed(`${server.url}/api/health`);
      const page = await timed(`${server.url}/index.html`);
      assert.deepEqual([health.status, page.status], [200, 200]);
      assert.ok(health.ms < 1000, `GET /api/health took ${Math.round(health.ms)} ms`);
      assert.ok(page.ms < 1000, `GET /index.html took ${Math.round(page.ms)} ms`);
      // A lock that frees within the wait costs the visitor nothing: everything is stored.
      other.exec('ROLLBACK');
      locked = false;
      assert.deepEqual(
        (await Promise.all(posts)).map((r) => r.status),
        [201, 201, 201, 202],
      );
    } finally {
      if (locked) other.exec('ROLLBACK');
      other.close();
      await server.stop();
      removeDir(server.dataDir);
    }
  });

  it('a SIGTERM while a receipt waits for the lock: the receipt is stored and the process stops promptly', async () => {
    const server = await startServer({ LOG_LEVEL: 'info' });
    const other = new Database(join(server.dataDir, SQLITE_FILE_NAME));
    other.exec('BEGIN IMMEDIATE');
    try {
      const post = send(`${server.url}/api/consent/receipts`, makeReceipt());
      await requestsLogged(server, 'POST', 1);
      const stopped = server.stop('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      other.exec('ROLLBACK');
      const freed = performance.now();
      const answer = await post;
      assert.equal(answer.status, 201);
      // The answered connection is closed, not kept alive until the 72 s keep-alive timeout.
      assert.equal(await stopped, 0);
      const ms = performance.now() - freed;
      assert.ok(ms < 5000, `stopped ${Math.round(ms)} ms after the lock freed`);
    } finally {
      other.close();
      removeDir(server.dataDir);
    }
  });
});
