// Two instances changing one subscriber at the same moment: confirming and unsubscribing must take
// their locks in the same order (the subscriber's row first), so they queue instead of deadlocking,
// and a transaction that does lose a collision is answered 503 with Retry-After, not 500.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { toStorageError } from '../../src/storage/pg-connection.js';
import { openPostgresStorage } from '../../src/storage/postgres.js';
import type { Storage } from '../../src/storage/types.js';
import { StorageUnavailableError } from '../../src/storage/unavailable.js';
import { event, request, token } from '../storage-suite/fixtures.js';
import { SKIP_WITHOUT_PG, type TestDatabase, createTestDatabase, waitingForLocks } from './pg-helpers.js';

describe('PostgreSQL lock order', { skip: SKIP_WITHOUT_PG }, () => {
  let database: TestDatabase;
  let storage: Storage;
  before(async () => {
    database = await createTestDatabase();
    storage = await openPostgresStorage({ url: database.url });
  });
  after(async () => {
    await storage?.close();
    await database?.drop();
  });

  it('a confirmation waiting behind an unsubscribe queues instead of deadlocking', async () => {
    const confirm = token('confirm');
    const s = (
      await storage.requestSubscription(request('lock@example.org'), [confirm], event('', 'subscribe'))
    ).subscriber;
    // The unsubscribe, done by hand so it can pause between its two steps: the subscriber's row…
    const unsubscribe = new pg.Client({ connectionString: database.url });
    const watcher = new pg.Client({ connectionString: database.url });
    await unsubscribe.connect();
    await watcher.connect();
    try {
      await unsubscribe.query('BEGIN');
      await unsubscribe.query('SELECT * FROM subscribers WHERE id = $1 FOR UPDATE', [s.id]);
      const confirming = storage.confirmSubscription(
        confirm.hash,
        token('manage', s.id),
        event(s.id, 'confirm'),
      );
      await waitingForLocks(watcher);
      // …then its tokens. Had the confirmation taken the token's row first, this would deadlock.
      await unsubscribe.query("DELETE FROM subscriber_tokens WHERE subscriber_id = $1 AND kind = 'confirm'", [
        s.id,
      ]);
      await unsubscribe.query("UPDATE subscribers SET status = 'unsubscribed' WHERE id = $1", [s.id]);
      await unsubscribe.query('COMMIT');
      assert.equal(await confirming, null, 'the link was used up by the unsubscribe');
      assert.equal((await storage.findSubscriberByEmail('lock@example.org'))?.status, 'unsubscribed');
    } finally {
      await unsubscribe.end();
      await watcher.end();
    }
  });

  it('answers a deadlock or serialization failure as unavailable, with a short Retry-After', () => {
    for (const code of ['40P01', '40001', '55P03']) {
      const mapped = toStorageError(Object.assign(new Error('deadlock detected'), { code }));
      assert.ok(mapped instanceof StorageUnavailableError, code);
      assert.equal(mapped.statusCode, 503);
      assert.equal(mapped.retryAfterSeconds, 1);
    }
    const other = Object.assign(new Error('duplicate key'), { code: '23505' });
    assert.equal(toStorageError(other), other);
  });
});
