// Newsletter tokens: a confirmation token confirms once (also when ten clicks race), unsubscribing
// revokes the open links but the one used, and expired tokens are purged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Storage } from '../../src/storage/types.js';
import { type MakeStorage, event, request, token, withFreshStorage } from './fixtures.js';

/** Registers the newsletter tokens part of the storage suite. */
export function describeTokenStorage(makeStorage: MakeStorage): void {
  describe('newsletter tokens', () => {
    let storage: Storage;
    withFreshStorage(makeStorage, (fresh) => (storage = fresh));

    it('unsubscribing removes open confirmation tokens and every manage token but the one kept', async () => {
      const confirm = token('confirm');
      const manage = token('manage');
      const s = (
        await storage.requestSubscription(request('u@example.org'), [confirm, manage], event('', 'subscribe'))
      ).subscriber;
      const extra = token('confirm', s.id);
      const used = token('manage', s.id);
      await storage.addTokens([extra, used], event(s.id, 'resend'));
      assert.ok(await storage.findToken(extra.hash, 'confirm'));
      await storage.updateSubscriber(s.id, { status: 'unsubscribed' }, event(s.id, 'unsubscribe'), used.hash);
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
      const s = (
        await storage.requestSubscription(
          request('once@example.org'),
          [first, second],
          event('', 'subscribe'),
        )
      ).subscriber;
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
      const s = (
        await storage.requestSubscription(request('race3@example.org'), [confirm], event('', 'subscribe'))
      ).subscriber;
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

    it('stores a batch of tokens without an event (the links an export hands out)', async () => {
      const s = (await storage.requestSubscription(request('batch@example.org'), [], event('', 'subscribe')))
        .subscriber;
      const batch = Array.from({ length: 3 }, () => token('manage', s.id, '2999-01-01T00:00:00.000Z'));
      await storage.addTokens(batch);
      await storage.addTokens([]);
      for (const t of batch)
        assert.equal((await storage.findToken(t.hash, 'manage'))?.token.expiresAt, t.expiresAt);
      assert.deepEqual(
        (await storage.listSubscriberEvents(s.id)).map((e) => e.action),
        ['subscribe'],
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
  });
}
