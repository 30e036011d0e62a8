// The storage contract as one suite, run against every backend: SQLite here
// (storage-sqlite.test.ts), PostgreSQL with the same file (server/test/pg/). A backend passes when
// it behaves exactly like this, including under concurrent writers.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type {
  ReceiptInput,
  Storage,
  SubscriberEvent,
  SubscriptionRequest,
  TokenRecord,
} from '../src/storage/types.js';

/** A fresh, empty, migrated storage, and how to dispose of it. */
export interface StorageFixture {
  readonly storage: Storage;
  readonly dispose: () => Promise<void>;
}

function receipt(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    receiptId: randomUUID(),
    consentId: randomUUID(),
    revision: '2018-06-18',
    granted: ['necessary', 'analytics'],
    denied: ['marketing'],
    method: 'banner',
    at: '2026-01-15T12:00:00.000Z',
    userAgent: 'suite',
    ...overrides,
  };
}

function request(email: string, overrides: Partial<SubscriptionRequest> = {}): SubscriptionRequest {
  return {
    email,
    revision: 'r1',
    consentText: 'Ja, graag.',
    measureOpens: true,
    language: 'nl',
    consentId: null,
    at: new Date().toISOString(),
    ...overrides,
  };
}

const hash = (): string => randomBytes(32).toString('hex');

function token(kind: TokenRecord['kind'], subscriberId = '', expiresAt: string | null = null): TokenRecord {
  return { hash: hash(), subscriberId, kind, createdAt: new Date().toISOString(), expiresAt };
}

function event(
  subscriberId: string,
  action: SubscriberEvent['action'],
  at = new Date().toISOString(),
): SubscriberEvent {
  return {
    id: randomUUID(),
    subscriberId,
    at,
    action,
    revision: 'r1',
    method: 'suite',
    detail: { by: 'suite' },
  };
}

/** Registers the storage suite for one backend. `makeStorage` is called before every test. */
export function describeStorage(name: string, makeStorage: () => Promise<StorageFixture>): void {
  describe(`storage: ${name}`, () => {
    let fixture: StorageFixture;
    let storage: Storage;
    beforeEach(async () => {
      fixture = await makeStorage();
      storage = fixture.storage;
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    /** Confirms as a click on a freshly mailed link does: a new confirmation token, then its use. */
    async function confirmWithNewLink(subscriberId: string, at = new Date().toISOString()) {
      const confirm = token('confirm', subscriberId);
      await storage.addTokens([confirm], event(subscriberId, 'resend', at));
      const confirmed = await storage.confirmSubscription(
        confirm.hash,
        token('manage', subscriberId),
        event(subscriberId, 'confirm', at),
      );
      assert.ok(confirmed, 'a fresh confirmation token confirms');
      return confirmed;
    }

    describe('receipts', () => {
      it('stores a receipt once; the same receiptId again is a duplicate and changes nothing', async () => {
        const first = receipt();
        assert.equal(await storage.insertReceipt(first, '2026-01-15T12:00:01.000Z'), 'stored');
        assert.equal(
          await storage.insertReceipt({ ...first, granted: ['everything'] }, '2026-01-15T12:00:02.000Z'),
          'duplicate',
        );
        const rows = await storage.listReceipts({ consentId: first.consentId });
        assert.equal(rows.length, 1);
        assert.deepEqual(rows[0], { ...first, receivedAt: '2026-01-15T12:00:01.000Z' });
      });

      it('round-trips a receipt without userAgent and with empty lists', async () => {
        const bare = receipt({ granted: [], denied: [], userAgent: undefined });
        await storage.insertReceipt(bare, bare.at);
        const [row] = await storage.listReceipts({ consentId: bare.consentId });
        assert.deepEqual(row?.granted, []);
        assert.equal(row?.userAgent, undefined);
      });

      it('decides duplicates in the database: 50 concurrent inserts of one receipt store one row', async () => {
        const same = receipt();
        const outcomes = await Promise.all(
          Array.from({ length: 50 }, () => storage.insertReceipt(same, same.at)),
        );
        assert.equal(outcomes.filter((o) => o === 'stored').length, 1);
        assert.equal((await storage.listReceipts({ consentId: same.consentId })).length, 1);
      });

      it('loses no row among 500 concurrent inserts', async () => {
        const consentId = randomUUID();
        const many = Array.from({ length: 500 }, () => receipt({ consentId }));
        const outcomes = await Promise.all(many.map((r) => storage.insertReceipt(r, r.at)));
        assert.ok(outcomes.every((o) => o === 'stored'));
        assert.equal((await storage.listReceipts({ consentId })).length, 500);
      });

      it('filters by consentId and [from, to), ordered by decision time', async () => {
        const consentId = randomUUID();
        const [day1, day2, day3] = [
          '2026-01-01T00:00:00.000Z',
          '2026-01-02T00:00:00.000Z',
          '2026-01-03T00:00:00.000Z',
        ] as const;
        for (const at of [day3, day2, day1]) await storage.insertReceipt(receipt({ consentId, at }), at);
        await storage.insertReceipt(receipt({ at: day2 }), day2);
        assert.deepEqual(
          (await storage.listReceipts({ consentId })).map((r) => r.at),
          [day1, day2, day3],
        );
        assert.deepEqual(
          (await storage.listReceipts({ consentId, from: day2, to: day3 })).map((r) => r.at),
          [day2],
        );
        assert.equal((await storage.listReceipts({ from: day2, to: day3 })).length, 2);
      });

      it('pages through receipts with after/limit: each exactly once, in order, ties included', async () => {
        const consentId = randomUUID();
        const times = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'];
        // Seven receipts, several sharing a decision time: the receiptId breaks the tie.
        const all = Array.from({ length: 7 }, (_, i) => receipt({ consentId, at: times[i % 3] ?? '' }));
        for (const r of all) await storage.insertReceipt(r, r.at);
        const expected = (await storage.listReceipts({ consentId })).map((r) => r.receiptId);
        assert.equal(expected.length, 7);
        const seen: string[] = [];
        let after: { at: string; receiptId: string } | undefined;
        for (let pages = 0; pages < 10; pages++) {
          const page = await storage.listReceipts({ consentId, after, limit: 3 });
          seen.push(...page.map((r) => r.receiptId));
          const last = page.at(-1);
          if (page.length < 3 || !last) break;
          after = { at: last.at, receiptId: last.receiptId };
        }
        assert.deepEqual(seen, expected);
        assert.deepEqual(await storage.listReceipts({ consentId, limit: 0 }), []);
        assert.equal((await storage.listReceipts({ consentId, from: times[1], limit: 2 })).length, 2);
      });

      it('keeps hostile and non-ASCII text exactly as given', async () => {
        const odd = receipt({
          revision: "x'); DROP TABLE receipts; --",
          granted: ['a"b', 'ünïcødé ✓', '\\n', ''],
          userAgent: 'Mozilla/5.0 <script>alert(1)</script> tab\there 😀',
        });
        await storage.insertReceipt(odd, odd.at);
        assert.deepEqual(await storage.listReceipts({ consentId: odd.consentId }), [
          { ...odd, receivedAt: odd.at },
        ]);
      });
    });

    describe('newsletter subscribers', () => {
      it('creates a pending subscriber with its tokens and a subscribe event', async () => {
        const confirm = token('confirm', '', '2999-01-01T00:00:00.000Z');
        const manage = token('manage');
        const subscriber = await storage.requestSubscription(
          request('a@example.org'),
          [confirm, manage],
          event('', 'subscribe'),
        );
        assert.equal(subscriber.status, 'pending');
        assert.equal(subscriber.email, 'a@example.org');
        assert.equal(subscriber.measureOpens, true);
        assert.equal(subscriber.objectMarketing, false);
        assert.equal(subscriber.confirmedAt, null);
        const found = await storage.findToken(confirm.hash, 'confirm');
        assert.equal(found?.subscriber.id, subscriber.id);
        assert.equal(found?.token.expiresAt, '2999-01-01T00:00:00.000Z');
        assert.equal(
          await storage.findToken(confirm.hash, 'manage'),
          null,
          'a token only works as its own kind',
        );
        assert.equal((await storage.findToken(manage.hash, 'manage'))?.token.expiresAt, null);
        const events = await storage.listSubscriberEvents(subscriber.id);
        assert.deepEqual(
          events.map((e) => [e.action, e.revision, e.method, e.detail]),
          [['subscribe', 'r1', 'suite', { by: 'suite' }]],
        );
        assert.deepEqual(await storage.findSubscriberByEmail('a@example.org'), subscriber);
        assert.equal(await storage.findSubscriberByEmail('b@example.org'), null);
      });

      it('a new request updates a pending subscriber but leaves a confirmed one as it was', async () => {
        const first = await storage.requestSubscription(request('p@example.org'), [], event('', 'subscribe'));
        const again = await storage.requestSubscription(
          request('p@example.org', { measureOpens: false, revision: 'r2' }),
          [],
          event('', 'subscribe'),
        );
        assert.equal(again.id, first.id);
        assert.deepEqual([again.measureOpens, again.revision], [false, 'r2']);
        await confirmWithNewLink(first.id);
        const confirmedAgain = await storage.requestSubscription(
          request('p@example.org', { measureOpens: true, revision: 'r3' }),
          [token('confirm')],
          event('', 'subscribe'),
        );
        assert.deepEqual(
          [confirmedAgain.status, confirmedAgain.measureOpens, confirmedAgain.revision],
          ['confirmed', false, 'r2'],
        );
        assert.equal((await storage.listSubscriberEvents(first.id)).length, 5);
      });

      it('confirming keeps the first confirmedAt; updates and unsubscribe apply and record events', async () => {
        const s = await storage.requestSubscription(
          request('c@example.org'),
          [],
          event('', 'subscribe', '2026-01-31T00:00:00.000Z'),
        );
        const confirmed = await confirmWithNewLink(s.id, '2026-02-01T00:00:00.000Z');
        assert.equal(confirmed.status, 'confirmed');
        assert.equal(confirmed.confirmedAt, '2026-02-01T00:00:00.000Z');
        const twice = await confirmWithNewLink(s.id, '2026-02-02T00:00:00.000Z');
        assert.equal(twice.confirmedAt, '2026-02-01T00:00:00.000Z');
        const updated = await storage.updateSubscriber(
          s.id,
          { objectMarketing: true, measureOpens: false, revision: 'r9' },
          event(s.id, 'update', '2026-02-03T00:00:00.000Z'),
        );
        assert.deepEqual(
          [updated.objectMarketing, updated.objectResearch, updated.measureOpens, updated.revision],
          [true, false, false, 'r9'],
        );
        assert.equal(updated.updatedAt, '2026-02-03T00:00:00.000Z');
        const gone = await storage.updateSubscriber(
          s.id,
          { status: 'unsubscribed' },
          event(s.id, 'unsubscribe', '2026-02-04T00:00:00.000Z'),
        );
        assert.deepEqual(
          [gone.status, gone.unsubscribedAt, gone.objectMarketing],
          ['unsubscribed', '2026-02-04T00:00:00.000Z', true],
        );
        assert.deepEqual(
          (await storage.listSubscriberEvents(s.id)).map((e) => e.action),
          ['subscribe', 'resend', 'confirm', 'resend', 'confirm', 'update', 'unsubscribe'],
        );
      });

      it('unsubscribing removes open confirmation tokens and every manage token but the one kept', async () => {
        const confirm = token('confirm');
        const manage = token('manage');
        const s = await storage.requestSubscription(
          request('u@example.org'),
          [confirm, manage],
          event('', 'subscribe'),
        );
        const extra = token('confirm', s.id);
        const used = token('manage', s.id);
        await storage.addTokens([extra, used], event(s.id, 'resend'));
        assert.ok(await storage.findToken(extra.hash, 'confirm'));
        await storage.updateSubscriber(
          s.id,
          { status: 'unsubscribed' },
          event(s.id, 'unsubscribe'),
          used.hash,
        );
        assert.equal(await storage.findToken(confirm.hash, 'confirm'), null);
        assert.equal(await storage.findToken(extra.hash, 'confirm'), null);
        assert.equal(await storage.findToken(manage.hash, 'manage'), null, 'other manage links are revoked');
        assert.ok(await storage.findToken(used.hash, 'manage'), 'the link used to unsubscribe still works');
        // Unsubscribing with nothing to keep revokes them all; other subscribers keep theirs.
        const other = token('manage');
        await storage.requestSubscription(request('other@example.org'), [other], event('', 'subscribe'));
        await storage.updateSubscriber(s.id, { status: 'unsubscribed' }, event(s.id, 'unsubscribe'));
        assert.equal(await storage.findToken(used.hash, 'manage'), null);
        assert.ok(await storage.findToken(other.hash, 'manage'));
      });

      it('a confirmation token confirms once: its use deletes it and the subscriber’s other confirmation tokens', async () => {
        const [first, second] = [token('confirm'), token('confirm')];
        const s = await storage.requestSubscription(
          request('once@example.org'),
          [first, second],
          event('', 'subscribe'),
        );
        const confirmed = await storage.confirmSubscription(
          first.hash,
          token('manage', s.id),
          event(s.id, 'confirm'),
        );
        assert.equal(confirmed?.status, 'confirmed');
        assert.equal(await storage.findToken(first.hash, 'confirm'), null);
        assert.equal(await storage.findToken(second.hash, 'confirm'), null);
        const manage = token('manage', s.id);
        assert.equal(await storage.confirmSubscription(first.hash, manage, event(s.id, 'confirm')), null);
        assert.equal(
          await storage.findToken(manage.hash, 'manage'),
          null,
          'a refused confirmation stores no token',
        );
        assert.deepEqual(
          (await storage.listSubscriberEvents(s.id)).map((e) => e.action),
          ['subscribe', 'confirm'],
        );
        // Another subscriber's confirmation token does not confirm this one.
        const foreign = token('confirm');
        await storage.requestSubscription(request('foreign@example.org'), [foreign], event('', 'subscribe'));
        assert.equal(
          await storage.confirmSubscription(foreign.hash, token('manage', s.id), event(s.id, 'confirm')),
          null,
        );
      });

      it('of 10 concurrent confirmations with one token, exactly one succeeds', async () => {
        const confirm = token('confirm');
        const s = await storage.requestSubscription(
          request('race3@example.org'),
          [confirm],
          event('', 'subscribe'),
        );
        const results = await Promise.all(
          Array.from({ length: 10 }, () =>
            storage.confirmSubscription(confirm.hash, token('manage', s.id), event(s.id, 'confirm')),
          ),
        );
        assert.equal(results.filter((r) => r !== null).length, 1);
        assert.equal(
          (await storage.listSubscriberEvents(s.id)).filter((e) => e.action === 'confirm').length,
          1,
        );
      });

      it('purges tokens that expired before the given time, of every subscriber, and only those', async () => {
        const old = token('confirm', '', '2026-01-01T00:00:00.000Z');
        const fresh = token('confirm', '', '2026-03-01T00:00:00.000Z');
        const forever = token('manage');
        await storage.requestSubscription(request('old@example.org'), [old, forever], event('', 'subscribe'));
        await storage.requestSubscription(request('fresh@example.org'), [fresh], event('', 'subscribe'));
        assert.equal(await storage.purgeExpiredTokens('2026-02-01T00:00:00.000Z'), 1);
        assert.equal(await storage.findToken(old.hash, 'confirm'), null);
        assert.ok(await storage.findToken(fresh.hash, 'confirm'));
        assert.ok(await storage.findToken(forever.hash, 'manage'));
        assert.equal(await storage.purgeExpiredTokens('2026-02-01T00:00:00.000Z'), 0);
      });

      it('an unsubscribed address that asks again becomes pending, and confirmed after confirming', async () => {
        const s = await storage.requestSubscription(request('r@example.org'), [], event('', 'subscribe'));
        await storage.updateSubscriber(s.id, { status: 'unsubscribed' }, event(s.id, 'unsubscribe'));
        const back = await storage.requestSubscription(
          request('r@example.org', { measureOpens: false }),
          [],
          event('', 'subscribe'),
        );
        assert.deepEqual([back.id, back.status, back.measureOpens], [s.id, 'pending', false]);
        const confirmed = await confirmWithNewLink(s.id);
        assert.deepEqual([confirmed.status, confirmed.unsubscribedAt], ['confirmed', null]);
      });

      it('lists subscribers by status', async () => {
        const a = await storage.requestSubscription(
          request('list-a@example.org'),
          [],
          event('', 'subscribe'),
        );
        await storage.requestSubscription(request('list-b@example.org'), [], event('', 'subscribe'));
        await confirmWithNewLink(a.id);
        assert.deepEqual(
          (await storage.listSubscribers('confirmed')).map((s) => s.email),
          ['list-a@example.org'],
        );
        assert.deepEqual(
          (await storage.listSubscribers('pending')).map((s) => s.email),
          ['list-b@example.org'],
        );
        assert.deepEqual(await storage.listSubscribers('unsubscribed'), []);
      });

      it('pages through subscribers of one status with after/limit, each exactly once', async () => {
        const at = '2026-04-01T00:00:00.000Z';
        for (const name of ['p1', 'p2', 'p3', 'p4', 'p5']) {
          const s = await storage.requestSubscription(
            request(`${name}@example.org`, { at }),
            [],
            event('', 'subscribe'),
          );
          await confirmWithNewLink(s.id);
        }
        await storage.requestSubscription(request('pending@example.org', { at }), [], event('', 'subscribe'));
        const expected = (await storage.listSubscribers('confirmed')).map((s) => s.email);
        assert.equal(expected.length, 5);
        const first = await storage.listSubscribers('confirmed', { limit: 2 });
        const last = first.at(-1);
        assert.ok(last);
        const second = await storage.listSubscribers('confirmed', {
          after: { createdAt: last.createdAt, id: last.id },
          limit: 10,
        });
        assert.deepEqual(
          [...first, ...second].map((s) => s.email),
          expected,
        );
      });

      it('concurrent requests for one address make one subscriber', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, () =>
            storage.requestSubscription(
              request('race@example.org'),
              [token('confirm')],
              event('', 'subscribe'),
            ),
          ),
        );
        assert.equal(new Set(results.map((s) => s.id)).size, 1);
        assert.equal((await storage.listSubscribers('pending')).length, 1);
      });

      it('does not lose either of two concurrent patches of one subscriber', async () => {
        const s = await storage.requestSubscription(request('race2@example.org'), [], event('', 'subscribe'));
        await Promise.all([
          storage.updateSubscriber(s.id, { objectMarketing: true }, event(s.id, 'update')),
          storage.updateSubscriber(s.id, { objectResearch: true }, event(s.id, 'update')),
        ]);
        const after = await storage.findSubscriberByEmail('race2@example.org');
        assert.deepEqual([after?.objectMarketing, after?.objectResearch], [true, true]);
      });

      describe('the mail limit per address', () => {
        const limit = { minIntervalMs: 60_000, maxPerDay: 3 };
        const claim = (subscriberId: string, at: string, tokens: TokenRecord[] = []) =>
          storage.claimMail({ subscriberId, at, limit, tokens, event: event(subscriberId, 'resend', at) });

        it('allows one mail per interval and a few per UTC day, storing tokens and event only when allowed', async () => {
          const s = await storage.requestSubscription(
            request('limit@example.org'),
            [],
            event('', 'subscribe'),
          );
          const granted = token('confirm', s.id);
          assert.equal(await claim(s.id, '2026-05-01T08:00:00.000Z', [granted]), true);
          const refused = token('confirm', s.id);
          assert.equal(await claim(s.id, '2026-05-01T08:00:59.999Z', [refused]), false, 'within a minute');
          assert.ok(await storage.findToken(granted.hash, 'confirm'));
          assert.equal(await storage.findToken(refused.hash, 'confirm'), null, 'no link without its mail');
          assert.equal(await claim(s.id, '2026-05-01T08:01:00.000Z'), true, 'a minute later');
          assert.equal(await claim(s.id, '2026-05-01T09:00:00.000Z'), true);
          assert.equal(await claim(s.id, '2026-05-01T23:00:00.000Z'), false, 'three that day already');
          assert.equal(await claim(s.id, '2026-05-02T00:00:00.000Z'), true, 'a new day');
          assert.equal(
            (await storage.listSubscriberEvents(s.id)).filter((e) => e.action === 'resend').length,
            4,
            'one event per mail allowed',
          );
          // Another address has its own count.
          const other = await storage.requestSubscription(
            request('limit2@example.org'),
            [],
            event('', 'subscribe'),
          );
          assert.equal(await claim(other.id, '2026-05-02T00:00:00.000Z'), true);
        });

        it('lets exactly one of 10 concurrent claims for one address through', async () => {
          const s = await storage.requestSubscription(
            request('burst@example.org'),
            [],
            event('', 'subscribe'),
          );
          const at = '2026-05-01T08:00:00.000Z';
          const results = await Promise.all(
            Array.from({ length: 10 }, () => claim(s.id, at, [token('confirm', s.id)])),
          );
          assert.equal(results.filter(Boolean).length, 1);
        });
      });

      it('lists proof events in the order they were stored, also within one millisecond', async () => {
        const at = '2026-03-01T08:00:00.000Z';
        const s = await storage.requestSubscription(
          request('order@example.org'),
          [],
          event('', 'subscribe', at),
        );
        const actions = ['resend', 'confirm', 'update', 'unsubscribe', 'resend'] as const;
        for (const action of actions) await storage.addTokens([], event(s.id, action, at));
        await storage.addTokens([], event(s.id, 'update', '2026-02-01T00:00:00.000Z'));
        assert.deepEqual(
          (await storage.listSubscriberEvents(s.id)).map((e) => e.action),
          ['update', 'subscribe', ...actions],
        );
      });
    });
  });
}
