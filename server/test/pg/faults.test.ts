// Database faults as an operator and a client see them: a bad DATABASE_URL stops the start with
// one clear line and exit 1; a database that goes away while the server runs gives 503 with
// Retry-After (no crash), and once it is back the receipts clients kept are stored, each once.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  type RunningServer,
  exportedReceiptIds,
  get,
  makeReceipt,
  removeDir,
  runServerExpectingExit,
  send,
  startServer,
} from '../helpers.js';
import { openPostgresStorage } from '../../src/storage/postgres.js';
import { StorageUnavailableError } from '../../src/storage/unavailable.js';
import {
  SKIP_WITHOUT_PG,
  TEST_DATABASE_URL,
  TcpProxy,
  type TestDatabase,
  createTestDatabase,
} from './pg-helpers.js';

/** A URL on the test cluster with one part changed. */
function variant(change: (url: URL) => void): string {
  const url = new URL(TEST_DATABASE_URL ?? 'postgres://localhost/x');
  change(url);
  return url.href;
}

describe('a bad DATABASE_URL stops the start with one clear error', { skip: SKIP_WITHOUT_PG }, () => {
  const cases: Array<[string, () => string, RegExp]> = [
    [
      'nothing listens on the port',
      () => variant((u) => (u.port = '1')),
      /cannot open PostgreSQL at postgres:\/\/.*:1\/.*ECONNREFUSED.*is PostgreSQL running/,
    ],
    [
      'the database does not exist',
      () => variant((u) => (u.pathname = '/no_such_database_pk')),
      /database "no_such_database_pk" does not exist/,
    ],
    [
      'the role does not exist (password kept out of the message)',
      () => variant((u) => ((u.username = 'no_such_role_pk'), (u.password = 'hunter2-secret'))),
      /role "no_such_role_pk" does not exist/,
    ],
    [
      'the URL is malformed',
      () => 'postgres://user@host:notaport/db',
      /DATABASE_URL: not a valid URL; expected postgres:\/\//,
    ],
  ];
  for (const [name, url, expected] of cases) {
    it(name, async () => {
      const { code, output } = await runServerExpectingExit({ DATABASE_URL: url() });
      assert.equal(code, 1, output);
      assert.match(output, expected);
      const lines = output.trim().split('\n');
      assert.equal(lines.length, 1, `one line, no stack trace:\n${output}`);
      assert.match(lines[0] ?? '', /^privacy-kit server: DATABASE_URL/);
      assert.doesNotMatch(output, /hunter2-secret/);
    });
  }
});

describe('the database goes away while the server runs', { skip: SKIP_WITHOUT_PG }, () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let server: RunningServer;
  let endpoint: string;

  before(async () => {
    database = await createTestDatabase();
    proxy = await TcpProxy.start(database.url);
    server = await startServer({ DATABASE_URL: proxy.via(database.url) });
    endpoint = `${server.url}/api/consent/receipts`;
  });
  after(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
    await proxy?.close();
    await database?.drop();
  });

  it('answers 503 with Retry-After while it is unreachable, and stores the retried receipts once it is back', async () => {
    const before = makeReceipt();
    assert.equal((await send(endpoint, before)).status, 201);

    proxy.cut();
    const queued = Array.from({ length: 5 }, () => makeReceipt());
    for (const receipt of queued) {
      const answer = await send(endpoint, receipt);
      assert.equal(answer.status, 503, JSON.stringify(answer.body));
      assert.equal(answer.headers.get('retry-after'), '5');
      assert.deepEqual(answer.body, {
        error: 'unavailable',
        message: 'The server is not available; try again later.',
      });
    }
    const exportDuringOutage = await get(endpoint);
    assert.equal(exportDuringOutage.status, 503);
    assert.ok(exportDuringOutage.headers.get('retry-after'));
    const subscribe = await send(`${server.url}/api/newsletter/subscribe`, {
      email: 'outage@example.org',
      revision: '2018-06-18',
      consentText: 'Yes',
      measureOpens: false,
    });
    assert.equal(subscribe.status, 503);
    assert.equal((subscribe.body as { error?: string }).error, 'unavailable');
    assert.equal(server.child.exitCode, null, 'the process is still running');
    assert.equal((await get(`${server.url}/api/health`, {})).status, 200);

    proxy.restore();
    // What a client's queue does: send the same receipts again; one extra retry of one of them.
    for (const receipt of queued) assert.equal((await send(endpoint, receipt)).status, 201);
    assert.equal((await send(endpoint, queued[0])).status, 200);
    const ids = await exportedReceiptIds(server.url);
    assert.deepEqual(ids.sort(), [before, ...queued].map((r) => String(r.receiptId)).sort());
    assert.equal(server.child.exitCode, null);
    assert.equal(server.output().match(/lost the PostgreSQL connection/g)?.length, 1, server.output());
  });

  it('survives a second outage the same way (the pool replaces dropped connections)', async () => {
    proxy.cut();
    const receipt = makeReceipt();
    assert.equal((await send(endpoint, receipt)).status, 503);
    proxy.restore();
    assert.equal((await send(endpoint, receipt)).status, 201);
    assert.equal((await send(endpoint, receipt)).status, 200);
  });
});

// CI hands the commands that stop and start its throw-away cluster; elsewhere this is skipped.
const { PRIVACY_KIT_PG_STOP: STOP, PRIVACY_KIT_PG_START: START } = process.env;

describe(
  'PostgreSQL itself restarts while the server runs',
  { skip: SKIP_WITHOUT_PG || (!STOP && 'no PRIVACY_KIT_PG_STOP') },
  () => {
    it('answers 503 with Retry-After while it is down, then stores what clients send again, each once', async () => {
      const database = await createTestDatabase();
      const server = await startServer({ DATABASE_URL: database.url });
      const endpoint = `${server.url}/api/consent/receipts`;
      try {
        const first = makeReceipt();
        assert.equal((await send(endpoint, first)).status, 201);
        execSync(STOP!, { stdio: 'ignore' }); // fast shutdown: the server's connections are terminated
        const queued = Array.from({ length: 3 }, () => makeReceipt());
        for (const receipt of queued) {
          const answer = await send(endpoint, receipt);
          assert.equal(answer.status, 503, JSON.stringify(answer.body));
          assert.ok(Number(answer.headers.get('retry-after')) > 0);
        }
        assert.equal(server.child.exitCode, null, 'the process is still running');
        execSync(START!, { stdio: 'ignore' });
        for (const receipt of [first, ...queued])
          assert.ok([200, 201].includes((await send(endpoint, receipt)).status));
        const ids = await exportedReceiptIds(server.url);
        assert.deepEqual(ids.sort(), [first, ...queued].map((r) => String(r.receiptId)).sort());
      } finally {
        // A failed assertion must not leave the cluster down for the tests after this one.
        try {
          execSync(START!, { stdio: 'ignore' });
        } catch {
          // Already running.
        }
        await server.stop();
        removeDir(server.dataDir);
        await database.drop();
      }
    });
  },
);

describe('a database that stops answering (network partition)', { skip: SKIP_WITHOUT_PG }, () => {
  it('fails calls with StorageUnavailableError after the timeouts instead of hanging, and recovers', async () => {
    const database = await createTestDatabase();
    const proxy = await TcpProxy.start(database.url);
    const logged: string[] = [];
    const storage = await openPostgresStorage({
      url: proxy.via(database.url),
      connectTimeoutMs: 400,
      queryTimeoutMs: 800,
      log: (m) => logged.push(m),
    });
    try {
      const receipt = {
        receiptId: randomUUID(),
        consentId: 'c',
        revision: 'r',
        granted: [],
        denied: [],
        method: 'api' as const,
        at: '2026-01-01T00:00:00.000Z',
      };
      assert.equal(
        await storage.insertReceipt({ ...receipt, receiptId: randomUUID() }, receipt.at),
        'stored',
      );
      proxy.hang();
      const started = Date.now();
      // One call on the pooled (now silent) connection, several needing new ones: all give up.
      const outcomes = await Promise.allSettled([
        storage.insertReceipt(receipt, receipt.at),
        storage.listReceipts({ consentId: 'c' }),
        storage.findSubscriberByEmail('x@example.org'),
      ]);
      assert.ok(Date.now() - started < 5000, `gave up after ${Date.now() - started} ms`);
      for (const outcome of outcomes) {
        assert.equal(outcome.status, 'rejected');
        if (outcome.status === 'rejected') {
          assert.ok(outcome.reason instanceof StorageUnavailableError, String(outcome.reason));
          assert.equal(outcome.reason.statusCode, 503);
          assert.equal(outcome.reason.retryAfterSeconds, 5);
        }
      }
      proxy.restore();
      // The insert that timed out may or may not have reached the database: a retry is safe.
      assert.match(await storage.insertReceipt(receipt, receipt.at), /^(stored|duplicate)$/);
      assert.equal((await storage.listReceipts({ consentId: 'c' })).length, 2);
    } finally {
      await storage.close();
      await proxy.close();
      await database.drop();
    }
  });
});
