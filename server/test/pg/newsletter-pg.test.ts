// The newsletter service on PostgreSQL where requests of one subscriber meet: two unsubscribes
// with one token (the page and the mail client's one-click, or two instances) may both find the
// subscriber confirmed before either changes it. Only the one that ends the subscription, as the
// locked row tells inside its transaction, sends the goodbye mail and records "was confirmed".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createNewsletterService } from '../../src/newsletter/service.js';
import { openPostgresStorage } from '../../src/storage/postgres.js';
import type { Storage } from '../../src/storage/types.js';
import { linkToken } from '../helpers.js';
import { RecordingMailer } from '../in-process.js';
import { SKIP_WITHOUT_PG, type TestDatabase, createTestDatabase, waitingForLocks } from './pg-helpers.js';

describe('the newsletter service on PostgreSQL', { skip: SKIP_WITHOUT_PG }, () => {
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

  it('two unsubscribes at once send one goodbye mail and record one "was confirmed"', async () => {
    const mailer = new RecordingMailer();
    const service = createNewsletterService({
      storage,
      mailer,
      publicUrl: () => 'https://www.example.org',
      apiPrefix: '/api/newsletter',
      mailLimit: { minIntervalMs: 0, maxPerDay: 5 },
      log: { error: () => {} },
    });
    const email = 'both@example.org';
    await service.subscribe({ email, revision: 'r', consentText: 'Ja', measureOpens: false });
    const confirmed = await service.confirm(linkToken(mailer.to(email)[0]?.text ?? '', 'confirm') ?? '');
    assert.ok(confirmed.ok);
    const subscriber = await storage.findSubscriberByEmail(email);
    // Another transaction holds the subscriber's row while both requests look the token up and
    // reach their update: they then queue behind it, as two instances' requests would.
    const holder = new pg.Client({ connectionString: database.url });
    const watcher = new pg.Client({ connectionString: database.url });
    await holder.connect();
    await watcher.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT * FROM subscribers WHERE id = $1 FOR UPDATE', [subscriber?.id]);
      const both = Promise.all([
        service.unsubscribe(confirmed.value.manageToken),
        service.unsubscribe(confirmed.value.manageToken, { method: 'one-click' }),
      ]);
      await waitingForLocks(watcher, 2);
      await holder.query('ROLLBACK');
      for (const answer of await both)
        assert.equal(answer.ok && answer.value.preferences.status, 'unsubscribed');
    } finally {
      await holder.end();
      await watcher.end();
    }
    await service.drain();
    assert.equal(mailer.to(email).filter((m) => /afgemeld/.test(m.subject)).length, 1);
    const left = (await storage.listSubscriberEvents(subscriber?.id ?? ''))
      .filter((e) => e.action === 'unsubscribe')
      .map((e) => e.detail.previousStatus);
    assert.deepEqual(left.sort(), ['confirmed', 'unsubscribed']);
  });
});
