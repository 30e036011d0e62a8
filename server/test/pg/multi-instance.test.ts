// Two server processes on one PostgreSQL database, as behind a load balancer: they start at the
// same moment (their migrations race and must not collide), then a burst of 1,000 receipts is
// spread over both, with retries of the same receipt sent to BOTH at once. Every receipt must be
// stored exactly once, and exactly one of two simultaneous sends of a receipt may answer 201.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Client,
  type RunningServer,
  exportedReceiptIds,
  makeReceipt,
  removeDir,
  startServer,
} from '../helpers.js';
import { listMigrations } from '../../src/storage/migrations.js';
import { SKIP_WITHOUT_PG, type TestDatabase, createTestDatabase, queryDatabase } from './pg-helpers.js';

const RECEIPTS = 1000;
const CLIENTS = 16;
/** Every DUPLICATE_EVERY-th receipt is sent to both instances at the same time. */
const DUPLICATE_EVERY = 4;

describe('two server instances on one PostgreSQL database', { skip: SKIP_WITHOUT_PG }, () => {
  let database: TestDatabase;
  let servers: RunningServer[] = [];

  before(async () => {
    database = await createTestDatabase();
    // Started together on a database with no tables: both run the migrations at once.
    servers = await Promise.all([
      startServer({ DATABASE_URL: database.url }),
      startServer({ DATABASE_URL: database.url }),
    ]);
  });
  after(async () => {
    for (const server of servers) {
      await server.stop();
      removeDir(server.dataDir);
    }
    await database?.drop();
  });

  it('both started and recorded each migration once', async () => {
    assert.equal(servers.length, 2);
    assert.notEqual(servers[0]?.url, servers[1]?.url);
    const versions = await queryDatabase<{ version: string }>(
      database.url,
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    assert.deepEqual(
      versions.map((v) => v.version),
      listMigrations().map((m) => m.version),
    );
  });

  it(`stores each of ${RECEIPTS} receipts exactly once, duplicates sent to both instances included`, async () => {
    const [a, b] = servers.map((s) => `${s.url}/api/consent/receipts`) as [string, string];
    const receipts = Array.from({ length: RECEIPTS }, (_, i) => makeReceipt({ userAgent: `burst-${i}` }));
    const statuses = new Map<number, number>();
    const count = (status: number): void => void statuses.set(status, (statuses.get(status) ?? 0) + 1);
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const client = new Client();
        try {
          for (let i = next++; i < RECEIPTS; i = next++) {
            const receipt = receipts[i];
            const [own, other] = i % 2 === 0 ? [a, b] : [b, a];
            if (i % DUPLICATE_EVERY === 0) {
              // A client retry racing the first send, through the other instance.
              const pair = await Promise.all([client.post(own, receipt), client.post(other, receipt)]);
              assert.deepEqual(
                [...pair].sort(),
                [200, 201],
                `receipt ${i}: one instance stores it, the other says duplicate`,
              );
              pair.forEach(count);
            } else {
              count(await client.post(own, receipt));
            }
          }
        } finally {
          client.close();
        }
      }),
    );
    assert.deepEqual(Object.fromEntries(statuses), { 201: RECEIPTS, 200: RECEIPTS / DUPLICATE_EVERY });

    const sent = receipts.map((r) => String(r.receiptId)).sort();
    for (const server of servers) {
      const exported = await exportedReceiptIds(server.url);
      assert.equal(exported.length, RECEIPTS, `export of ${server.url}`);
      assert.deepEqual([...exported].sort(), sent);
    }
    const [row] = await queryDatabase<{ rows: string; ids: string }>(
      database.url,
      'SELECT count(*) AS rows, count(DISTINCT receipt_id) AS ids FROM receipts',
    );
    assert.deepEqual(row, { rows: String(RECEIPTS), ids: String(RECEIPTS) });
  });
});
