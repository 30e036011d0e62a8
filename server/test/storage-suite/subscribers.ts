// Newsletter subscribers: a request makes or updates one subscriber (also when requests race),
// confirming, updating and unsubscribing apply and leave their proof events, and listings page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Storage, SubscriptionRequest } from '../../src/storage/types.js';
import { type MakeStorage, event, request, token, withFreshStorage } from './fixtures.js';

/** Registers the newsletter subscribers part of the storage suite. */
export function describeSubscriberStorage(makeStorage: MakeStorage): void {
  describe('newsletter subscribers', () => {
    let storage: Storage;
    withFreshStorage(makeStorage, (fresh) => (storage = fresh));

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

    it('creates a pending subscriber with its tokens and a subscribe event', async () => {
      const confirm = token('confirm', '', '2999-01-01T00:00:00.000Z');
      const manage = token('manage');
      const subscriber = (
        await storage.requestSubscription(request('a@example.org'), [confirm, manage], event('', 'subscribe'))
      ).subscriber;
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
      const first = (await storage.requestSubscription(request('p@example.org'), [], event('', 'subscribe')))
        .subscriber;
      const again = (
        await storage.requestSubscription(
          request('p@example.org', { measureOpens: false, revision: 'r2' }),
          [],
          event('', 'subscribe'),
        )
      ).subscriber;
      assert.equal(again.id, first.id);
      assert.deepEqual([again.measureOpens, again.revision], [false, 'r2']);
      await confirmWithNewLink(first.id);
      const confirmedAgain = (
        await storage.requestSubscription(
          request('p@example.org', { measureOpens: true, revision: 'r3' }),
          [token('confirm')],
          event('', 'subscribe'),
        )
      ).subscriber;
      assert.deepEqual(
        [confirmedAgain.status, confirmedAgain.measureOpens, confirmedAgain.revision],
        ['confirmed', false, 'r2'],
      );
      // subscribe, subscribe, resend, confirm: the request for the confirmed address changed nothing.
      assert.deepEqual(
        (await storage.listSubscriberEvents(first.id)).map((e) => e.action),
        ['subscribe', 'subscribe', 'resend', 'confirm'],
      );
    });

    it('a request with other choices voids the pending address’s earlier confirmation links; the same one keeps them', async () => {
      const first = token('confirm');
      const s = (await storage.requestSubscription(request('v@example.org'), [first], event('', 'subscribe')))
        .subscriber;
      const second = token('confirm');
      await storage.requestSubscription(request('v@example.org'), [second], event('', 'subscribe'));
      assert.ok(await storage.findToken(first.hash, 'confirm'), 'the same choices again: both links work');
      const third = token('confirm');
      const changed = (
        await storage.requestSubscription(
          request('v@example.org', { measureOpens: false }),
          [third],
          event('', 'subscribe'),
        )
      ).subscriber;
      assert.equal(changed.measureOpens, false);
      assert.equal(await storage.findToken(first.hash, 'confirm'), null);
      assert.equal(await storage.findToken(second.hash, 'confirm'), null);
      assert.equal((await storage.findToken(third.hash, 'confirm'))?.subscriber.id, s.id);
      // Each of the other choices alone voids them too.
      let asked: Partial<SubscriptionRequest> = { measureOpens: false };
      for (const other of [{ consentText: 'Andere tekst' }, { revision: 'r2' }, { consentId: 'c-2' }]) {
        const before = token('confirm');
        await storage.addTokens([{ ...before, subscriberId: s.id }]);
        asked = { ...asked, ...other };
        await storage.requestSubscription(request('v@example.org', asked), [], event('', 'subscribe'));
        assert.equal(await storage.findToken(before.hash, 'confirm'), null, JSON.stringify(other));
      }
    });

    it('confirming keeps the first confirmedAt; updates and unsubscribe apply and record events', async () => {
      const s = (
        await storage.requestSubscription(
          request('c@example.org'),
          [],
          event('', 'subscribe', '2026-01-31T00:00:00.000Z'),
        )
      ).subscriber;
      const confirmed = await confirmWithNewLink(s.id, '2026-02-01T00:00:00.000Z');
      assert.equal(confirmed.status, 'confirmed');
      assert.equal(confirmed.confirmedAt, '2026-02-01T00:00:00.000Z');
      const twice = await confirmWithNewLink(s.id, '2026-02-02T00:00:00.000Z');
      assert.equal(twice.confirmedAt, '2026-02-01T00:00:00.000Z');
      const { subscriber: updated } = await storage.updateSubscriber(
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
        [gone.subscriber.status, gone.subscriber.unsubscribedAt, gone.subscriber.objectMarketing],
        ['unsubscribed', '2026-02-04T00:00:00.000Z', true],
      );
      assert.equal(gone.previousStatus, 'confirmed');
      const again = await storage.updateSubscriber(
        s.id,
        { status: 'unsubscribed' },
        event(s.id, 'unsubscribe', '2026-02-05T00:00:00.000Z'),
      );
      assert.equal(again.subscriber.unsubscribedAt, '2026-02-04T00:00:00.000Z', 'left once, then');
      assert.equal(updated.subscriptionRevision, 'r1', 'switch changes keep the subscription’s revision');
      assert.equal(gone.subscriber.subscriptionRevision, 'r1', 'so does unsubscribing');
      assert.deepEqual(
        (await storage.listSubscriberEvents(s.id)).map((e) => e.action),
        ['subscribe', 'resend', 'confirm', 'resend', 'confirm', 'update', 'unsubscribe', 'unsubscribe'],
      );
    });

    it('an unsubscribed address that asks again becomes pending, and confirmed (with a new confirmedAt) after confirming', async () => {
      const s = (await storage.requestSubscription(request('r@example.org'), [], event('', 'subscribe')))
        .subscriber;
      await storage.updateSubscriber(s.id, { status: 'unsubscribed' }, event(s.id, 'unsubscribe'));
      const back = (
        await storage.requestSubscription(
          request('r@example.org', { measureOpens: false }),
          [],
          event('', 'subscribe'),
        )
      ).subscriber;
      assert.deepEqual([back.id, back.status, back.measureOpens], [s.id, 'pending', false]);
      const confirmed = await confirmWithNewLink(s.id);
      assert.deepEqual([confirmed.status, confirmed.unsubscribedAt], ['confirmed', null]);
      // Once more, later: the date of this confirmation goes with its revision, not the first one's.
      await storage.updateSubscriber(s.id, { status: 'unsubscribed' }, event(s.id, 'unsubscribe'));
      await storage.requestSubscription(
        request('r@example.org', { revision: 'r2' }),
        [],
        event('', 'subscribe'),
      );
      const later = await confirmWithNewLink(s.id, '2999-01-01T00:00:00.000Z');
      assert.deepEqual(
        [later.revision, later.subscriptionRevision, later.confirmedAt],
        ['r2', 'r2', '2999-01-01T00:00:00.000Z'],
      );
    });

    it('lists subscribers by status', async () => {
      const a = (
        await storage.requestSubscription(
          request('list-a@example.org', { at: '2026-01-01T00:00:00.000Z' }),
          [],
          event('', 'subscribe'),
        )
      ).subscriber;
      await storage.requestSubscription(
        request('list-b@example.org', { at: '2026-01-02T00:00:00.000Z' }),
        [],
        event('', 'subscribe'),
      );
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
      assert.deepEqual(
        (await storage.listSubscribers('all')).map((s) => s.email),
        ['list-a@example.org', 'list-b@example.org'],
      );
    });

    it('pages through subscribers of one status with after/limit, each exactly once', async () => {
      const at = '2026-04-01T00:00:00.000Z';
      for (const name of ['p1', 'p2', 'p3', 'p4', 'p5']) {
        const s = (
          await storage.requestSubscription(
            request(`${name}@example.org`, { at }),
            [],
            event('', 'subscribe'),
          )
        ).subscriber;
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
      assert.equal(new Set(results.map((r) => r.subscriber.id)).size, 1);
      assert.equal((await storage.listSubscribers('pending')).length, 1);
    });

    it('does not lose either of two concurrent patches of one subscriber', async () => {
      const s = (await storage.requestSubscription(request('race2@example.org'), [], event('', 'subscribe')))
        .subscriber;
      await Promise.all([
        storage.updateSubscriber(s.id, { objectMarketing: true }, event(s.id, 'update')),
        storage.updateSubscriber(s.id, { objectResearch: true }, event(s.id, 'update')),
      ]);
      const after = await storage.findSubscriberByEmail('race2@example.org');
      assert.deepEqual([after?.objectMarketing, after?.objectResearch], [true, true]);
    });

    it('of two concurrent unsubscribes, exactly one finds the subscriber still subscribed', async () => {
      const s = (await storage.requestSubscription(request('twice@example.org'), [], event('', 'subscribe')))
        .subscriber;
      await confirmWithNewLink(s.id);
      const leave = () =>
        storage.updateSubscriber(s.id, { status: 'unsubscribed' }, (before) => ({
          ...event(s.id, 'unsubscribe'),
          detail: { previousStatus: before.status },
        }));
      const results = await Promise.all([leave(), leave()]);
      assert.deepEqual(results.map((r) => r.previousStatus).sort(), ['confirmed', 'unsubscribed']);
      const recorded = (await storage.listSubscriberEvents(s.id))
        .filter((e) => e.action === 'unsubscribe')
        .map((e) => e.detail.previousStatus);
      assert.deepEqual(recorded, ['confirmed', 'unsubscribed'], 'each event says what its update found');
    });

    it('lists proof events in the order they were stored, also within one millisecond', async () => {
      const at = '2026-03-01T08:00:00.000Z';
      const s = (
        await storage.requestSubscription(request('order@example.org'), [], event('', 'subscribe', at))
      ).subscriber;
      const actions = ['resend', 'confirm', 'update', 'unsubscribe', 'resend'] as const;
      for (const action of actions) await storage.addTokens([], event(s.id, action, at));
      await storage.addTokens([], event(s.id, 'update', '2026-02-01T00:00:00.000Z'));
      assert.deepEqual(
        (await storage.listSubscriberEvents(s.id)).map((e) => e.action),
        ['update', 'subscribe', ...actions],
      );
    });
  });
}
