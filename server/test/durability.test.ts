// No receipt is lost: a concurrent burst from several clients stores every receipt exactly once,
// and every receipt the server acknowledged survives a SIGKILL and a graceful SIGTERM.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  Client,
  type RunningServer,
  exportedReceiptIds,
  makeReceipt,
  removeDir,
  startServer,
  tempDir,
} from './helpers.js';

/**
 * Runs `clients` loops that each POST fresh receipts until `shouldStop()` or `perClient` are sent.
 * Resolves with the ids the server acknowledged (2xx) and the number of failed attempts.
 */
async function burst(
  server: RunningServer,
  options: {
    clients: number;
    perClient: number;
    shouldStop?: (acked: number) => boolean;
    duplicateEvery?: number;
  },
): Promise<{ acked: string[]; failures: number; statuses: Map<number, number> }> {
  const endpoint = `${server.url}/api/consent/receipts`;
  const acked: string[] = [];
  const statuses = new Map<number, number>();
  let failures = 0;
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      const client = new Client();
      for (let i = 0; i < options.perClient && !options.shouldStop?.(acked.length); i++) {
        const receipt = makeReceipt({ consentId: randomUUID() });
        try {
          const status = await client.post(endpoint, receipt);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 200 && status < 300) acked.push(String(receipt.receiptId));
          // A client retrying the same receipt (as the real client does after a lost answer).
          if (options.duplicateEvery && i % options.duplicateEvery === 0) {
            const again = await client.post(endpoint, receipt);
            statuses.set(again, (statuses.get(again) ?? 0) + 1);
          }
        } catch {
          failures++;
          // The server is gone: this client stops, as a browser would retry later.
          break;
        }
      }
      client.close();
    }),
  );
  return { acked, failures, statuses };
}

describe('durability', () => {
  it('stores a burst of 500 receipts from 10 concurrent clients, each exactly once', async () => {
    const server = await startServer();
    try {
      const started = performance.now();
      const { acked, failures, statuses } = await burst(server, {
        clients: 10,
        perClient: 50,
        duplicateEvery: 5,
      });
      console.log(`burst: 600 requests in ${Math.round(performance.now() - started)} ms`);
      assert.equal(failures, 0);
      assert.equal(acked.length, 500, JSON.stringify([...statuses]));
      assert.equal(statuses.get(201), 500);
      assert.equal(statuses.get(200), 100, 'each retried receipt is answered 200 stored:false');
      const stored = await exportedReceiptIds(server.url);
      assert.equal(stored.length, 500);
      assert.equal(new Set(stored).size, 500);
      assert.deepEqual([...stored].sort(), [...acked].sort());
    } finally {
      await server.stop();
      removeDir(server.dataDir);
    }
  });

  it('keeps every acknowledged receipt when the process is killed (SIGKILL) mid-burst', async () => {
    const dataDir = tempDir();
    const server = await startServer({}, dataDir);
    let killed = false;
    const running = burst(server, {
      clients: 8,
      perClient: 10_000,
      shouldStop: (count) => {
        if (count >= 300 && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
        return false;
      },
    });
    const { acked, failures } = await running;
    assert.ok(killed, 'the server was killed during the burst');
    assert.ok(failures > 0, 'clients saw the server die');
    await server.stop();

    const restarted = await startServer({}, dataDir);
    try {
      const stored = new Set(await exportedReceiptIds(restarted.url));
      const lost = acked.filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acked.length} acknowledged receipts were lost`);
    } finally {
      await restarted.stop();
      removeDir(dataDir);
    }
  });

  it('shuts down gracefully on SIGTERM: in-flight requests finish, exit code 0, nothing lost', async () => {
    const dataDir = tempDir();
    const server = await startServer({}, dataDir);
    let signalled = false;
    const result = burst(server, {
      clients: 6,
      perClient: 10_000,
      shouldStop: (count) => {
        if (count >= 200 && !signalled) {
          signalled = true;
          server.child.kill('SIGTERM');
        }
        return false;
      },
    });
    const { acked } = await result;
    const code = await server.stop();
    assert.equal(code, 0, server.output());
    const restarted = await startServer({}, dataDir);
    try {
      const stored = new Set(await exportedReceiptIds(restarted.url));
      assert.deepEqual(
        acked.filter((id) => !stored.has(id)),
        [],
      );
    } finally {
      await restarted.stop();
      removeDir(dataDir);
    }
  });
});
