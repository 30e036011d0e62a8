// The storage contract (server/src/storage/types.ts) as one suite, run against every backend:
// SQLite (server/test/storage-sqlite.test.ts) and PostgreSQL (server/test/pg/storage-pg.test.ts).
// Tests share one database per backend and use fresh ids and addresses, so they do not interfere.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  ReceiptInput,
  Storage,
  SubscriberEvent,
  SubscriptionRequest,
  TokenRecord,
} from '../../src/storage/types.js';

function receipt(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    receiptId: randomUUID(),
    consentId: randomUUID(),
    revision: '2018-06-18',
    granted: ['necessary', 'analytics'],
    denied: ['marketing'],
    method: 'banner',
    at: '2026-03-01T08:00:00.000Z',
    userAgent: 'suite',
    ...overrides,
  };
}

function request(email: string, overrides: Partial<SubscriptionRequest> = {}): SubscriptionRequest {
  return {
    email,
    revision: 'r1',
    consentText: 'Yes, send me the newsletter.',
    measureOpens: false,
    language: 'nl',
    consentId: null,
    at: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

function token(kind: TokenRecord['kind'], subscriberId = ''): TokenRecord {
  return {
    hash: randomUUID().replace(/-/g, ''),
    subscriberId,
    kind,
    createdAt: '2026-03-01T08:00:00.000Z',
    expiresAt: kind === 'confirm' ? '2026-03-03T08:00:00.000Z' : null,
  };
}

function event(
  action: SubscriberEvent['action'],
  subscriberId = '',
  at = '2026-03-01T08:00:00.000Z',
): SubscriberEvent {
  return {
    id: randomUUID(),
    subscriberId,
    at,
    action,
    revision: 'r1',
    method: 'test',
    detail: { note: `${action} "quoted" ', –` },
  };
}

const email = (): string => `${randomUUID()}@example.org`;
const strip = ({ subscriberId: _s, ...rest }: TokenRecord): Omit<TokenRecord, 'subscriberId'> => rest;

/** Registers the storage contract tests for one backend; `open` gives a migrated, empty-enough storage. */
export function describeStorage(name: string, open: () => Promise<Storage>): void {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    before(async () => {
      storage = await open();
    });
    after(async () => {
      await storage.close();
    });

    it('stores a receipt once: the second insert of the same receiptId is a duplicate and changes nothing', async () => {
      const r = receipt();
      assert.equal(await storage.insertReceipt(r, '2026-03-01T08:00:01.000Z'), 'stored');
      assert.equal(
        await storage.insertReceipt({ ...r, granted: ['changed'] }, '2026-03-01T09:00:00.000Z'),
        'duplicate',
      );
      const rows = await storage.listReceipts({ consentId: r.consentId });
      assert.deepEqual(rows, [{ ...r, receivedAt: '2026-03-01T08:00:01.000Z' }]);
    });

    it('keeps hostile and non-ASCII text as given, and an absent userAgent absent', async () => {
      const r = receipt({
        revision: "x'); DROP TABLE receipts; --",
        granted: ['a"b', 'ünïcødé ✓', ''],
        denied: [],
        userAgent: undefined,
      });
      const { userAgent: _ua, ...withoutAgent } = r;
      assert.equal(await storage.insertReceipt(withoutAgent, '2026-03-01T08:00:01.000Z'), 'stored');
      const [row] = await storage.listReceipts({ consentId: r.consentId });
      assert.deepEqual(row, { ...withoutAgent, receivedAt: '2026-03-01T08:00:01.000Z' });
      assert.equal(row !== undefined && 'userAgent' in row, false);
    });

    it('decides concurrent inserts of one receipt in the database: exactly one is stored', async () => {
      const r = receipt();
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, () => storage.insertReceipt(r, '2026-03-01T08:00:01.000Z')),
      );
      assert.equal(outcomes.filter((o) => o === 'stored').length, 1);
      assert.equal((await storage.listReceipts({ consentId: r.consentId })).length, 1);
    });

    it('filters the export by consentId and time (from inclusive, to exclusive), oldest decision first', async () => {
      const consentId = randomUUID();
      const times = [
        '2026-01-31T23:59:59.999Z',
        '2026-01-01T00:00:00.000Z',
        '2026-02-01T00:00:00.000Z',
        '2026-01-15T12:00:00.000Z',
      ];
      for (const at of times) await storage.insertReceipt(receipt({ consentId, at }), at);
      await storage.insertReceipt(receipt({ at: '2026-01-10T00:00:00.000Z' }), '2026-01-10T00:00:00.000Z');
      const january = await storage.listReceipts({
        consentId,
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-02-01T00:00:00.000Z',
      });
      assert.deepEqual(
        january.map((r) => r.at),
        ['2026-01-01T00:00:00.000Z', '2026-01-15T12:00:00.000Z', '2026-01-31T23:59:59.999Z'],
      );
      assert.equal((await storage.listReceipts({ consentId })).length, 4);
      const all = await storage.listReceipts({
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-01-20T00:00:00.000Z',
      });
      assert.ok(all.length >= 3);
      assert.deepEqual(
        [...all].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((r) => r.at),
        all.map((r) => r.at),
      );
    });

    it('creates a pending subscriber with its tokens and proof event in one call', async () => {
      const confirm = token('confirm');
      const manage = token('manage');
      const subscriber = await storage.requestSubscription(
        request(email(), { measureOpens: true, consentId: 'c-1' }),
        [strip(confirm), strip(manage)],
        event('subscribe'),
      );
      assert.equal(subscriber.status, 'pending');
      assert.equal(subscriber.measureOpens, true);
      assert.equal(subscriber.consentId, 'c-1');
      assert.equal(subscriber.confirmedAt, null);
      const found = await storage.findToken(confirm.hash, 'confirm');
      assert.deepEqual(found?.token, { ...confirm, subscriberId: subscriber.id });
      assert.deepEqual(found?.subscriber, subscriber);
      assert.equal(
        await storage.findToken(confirm.hash, 'manage'),
        null,
        'a token only works as its own kind',
      );
      assert.equal(await storage.findToken('no-such-hash', 'confirm'), null);
      const events = await storage.listSubscriberEvents(subscriber.id);
      assert.equal(events.length, 1);
      assert.equal(events[0]?.action, 'subscribe');
      assert.deepEqual(events[0]?.detail, { note: 'subscribe "quoted" \', –' });
      assert.deepEqual(await storage.findSubscriberByEmail(subscriber.email), subscriber);
      assert.equal(await storage.findSubscriberByEmail(email()), null);
    });

    it('a new request for a pending address updates its text and choices; a confirmed one keeps its preferences', async () => {
      const address = email();
      const first = await storage.requestSubscription(request(address), [], event('subscribe'));
      const again = await storage.requestSubscription(
        request(address, {
          revision: 'r2',
          consentText: 'v2',
          measureOpens: true,
          at: '2026-03-02T00:00:00.000Z',
        }),
        [],
        event('subscribe'),
      );
      assert.equal(again.id, first.id);
      assert.deepEqual(
        [again.status, again.revision, again.consentText, again.measureOpens],
        ['pending', 'r2', 'v2', true],
      );
      const manage = token('manage', first.id);
      const confirmed = await storage.confirmSubscription(
        first.id,
        manage,
        event('confirm', first.id, '2026-03-03T00:00:00.000Z'),
      );
      assert.equal(confirmed.status, 'confirmed');
      assert.equal(confirmed.confirmedAt, '2026-03-03T00:00:00.000Z');
      const later = await storage.requestSubscription(
        request(address, { revision: 'r3', consentText: 'v3', measureOpens: false }),
        [],
        event('subscribe'),
      );
      assert.deepEqual(
        [later.status, later.revision, later.consentText, later.measureOpens],
        ['confirmed', 'r2', 'v2', true],
      );
      const reconfirmed = await storage.confirmSubscription(
        first.id,
        token('manage', first.id),
        event('confirm', first.id, '2026-03-09T00:00:00.000Z'),
      );
      assert.equal(
        reconfirmed.confirmedAt,
        '2026-03-03T00:00:00.000Z',
        'the first confirmation time is kept',
      );
      assert.equal((await storage.findToken(manage.hash, 'manage'))?.subscriber.id, first.id);
    });

    it('unsubscribing removes open confirmation links, keeps manage links, and a new request makes it pending again', async () => {
      const confirm = token('confirm');
      const manage = token('manage');
      const subscriber = await storage.requestSubscription(
        request(email()),
        [strip(confirm), strip(manage)],
        event('subscribe'),
      );
      const gone = await storage.updateSubscriber(
        subscriber.id,
        { status: 'unsubscribed' },
        event('unsubscribe', subscriber.id, '2026-03-04T00:00:00.000Z'),
      );
      assert.equal(gone.status, 'unsubscribed');
      assert.equal(gone.unsubscribedAt, '2026-03-04T00:00:00.000Z');
      assert.equal(await storage.findToken(confirm.hash, 'confirm'), null);
      assert.notEqual(await storage.findToken(manage.hash, 'manage'), null);
      const twice = await storage.updateSubscriber(
        subscriber.id,
        { status: 'unsubscribed' },
        event('unsubscribe', subscriber.id, '2026-03-05T00:00:00.000Z'),
      );
      assert.equal(
        twice.unsubscribedAt,
        '2026-03-04T00:00:00.000Z',
        'a repeated unsubscribe keeps the first time',
      );
      const back = await storage.requestSubscription(
        request(subscriber.email, { revision: 'r9' }),
        [],
        event('subscribe'),
      );
      assert.deepEqual([back.id, back.status, back.revision], [subscriber.id, 'pending', 'r9']);
    });

    it('applies preference patches field by field and stores an event for each', async () => {
      const subscriber = await storage.requestSubscription(request(email()), [], event('subscribe'));
      const one = await storage.updateSubscriber(
        subscriber.id,
        { objectMarketing: true, revision: 'r2' },
        event('update', subscriber.id),
      );
      assert.deepEqual(
        [one.objectMarketing, one.objectResearch, one.measureOpens, one.revision],
        [true, false, false, 'r2'],
      );
      const two = await storage.updateSubscriber(
        subscriber.id,
        { objectResearch: true, measureOpens: true },
        event('update', subscriber.id),
      );
      assert.deepEqual(
        [two.objectMarketing, two.objectResearch, two.measureOpens, two.revision],
        [true, true, true, 'r2'],
      );
      await assert.rejects(
        storage.updateSubscriber(randomUUID(), { objectResearch: true }, event('update', randomUUID())),
      );
    });

    it('does not lose either of two concurrent patches of one subscriber', async () => {
      const subscriber = await storage.requestSubscription(request(email()), [], event('subscribe'));
      await Promise.all([
        storage.updateSubscriber(subscriber.id, { objectMarketing: true }, event('update', subscriber.id)),
        storage.updateSubscriber(subscriber.id, { objectResearch: true }, event('update', subscriber.id)),
      ]);
      const after = await storage.findSubscriberByEmail(subscriber.email);
      assert.deepEqual([after?.objectMarketing, after?.objectResearch], [true, true]);
    });

    it('concurrent requests for one new address make one subscriber with every event', async () => {
      const address = email();
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          storage.requestSubscription(request(address), [strip(token('confirm'))], event('subscribe')),
        ),
      );
      assert.equal(new Set(results.map((s) => s.id)).size, 1);
      assert.equal((await storage.listSubscriberEvents(results[0]?.id ?? '')).length, 8);
    });

    it('lists proof events in the order they happened, also within the same millisecond', async () => {
      const subscriber = await storage.requestSubscription(
        request(email()),
        [],
        event('subscribe', '', '2026-03-01T08:00:00.000Z'),
      );
      const actions: SubscriberEvent['action'][] = ['resend', 'confirm', 'update', 'unsubscribe', 'resend'];
      for (const action of actions)
        await storage.addTokens([], event(action, subscriber.id, '2026-03-01T08:00:00.000Z'));
      await storage.addTokens(
        [token('confirm', subscriber.id)],
        event('resend', subscriber.id, '2026-02-01T00:00:00.000Z'),
      );
      const listed = (await storage.listSubscriberEvents(subscriber.id)).map((e) => e.action);
      assert.deepEqual(listed, ['resend', 'subscribe', ...actions]);
    });

    it('lists subscribers by status, oldest first', async () => {
      const a = await storage.requestSubscription(
        request(email(), { at: '2020-01-01T00:00:00.000Z' }),
        [],
        event('subscribe'),
      );
      const b = await storage.requestSubscription(
        request(email(), { at: '2020-01-02T00:00:00.000Z' }),
        [],
        event('subscribe'),
      );
      await storage.confirmSubscription(b.id, token('manage', b.id), event('confirm', b.id));
      await storage.confirmSubscription(a.id, token('manage', a.id), event('confirm', a.id));
      const confirmed = (await storage.listSubscribers('confirmed')).map((s) => s.id);
      assert.ok(confirmed.indexOf(a.id) >= 0 && confirmed.indexOf(a.id) < confirmed.indexOf(b.id));
      assert.ok(!(await storage.listSubscribers('pending')).some((s) => s.id === a.id || s.id === b.id));
    });
  });
}
