// The mail limit per address, counted on the subscriber's row so that it holds across instances
// and concurrent requests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Storage, TokenRecord } from '../../src/storage/types.js';
import { type MakeStorage, event, request, token, withFreshStorage } from './fixtures.js';

/** Registers the mail-limit part of the storage suite. */
export function describeMailLimitStorage(makeStorage: MakeStorage): void {
  describe('the mail limit per address', () => {
    let storage: Storage;
    withFreshStorage(makeStorage, (fresh) => (storage = fresh));

    const limit = { minIntervalMs: 60_000, maxPerDay: 3 };
    const claim = (subscriberId: string, at: string, tokens: TokenRecord[] = []) =>
      storage.claimMail({ subscriberId, at, limit, tokens, event: event(subscriberId, 'resend', at) });

    it('allows one mail per interval and a few per UTC day, storing tokens and event only when allowed', async () => {
      const s = (await storage.requestSubscription(request('limit@example.org'), [], event('', 'subscribe')))
        .subscriber;
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
      const other = (
        await storage.requestSubscription(request('limit2@example.org'), [], event('', 'subscribe'))
      ).subscriber;
      assert.equal(await claim(other.id, '2026-05-02T00:00:00.000Z'), true);
    });

    it('a released claim (its mail failed) no longer counts, and its tokens and event are gone', async () => {
      const s = (await storage.requestSubscription(request('fail@example.org'), [], event('', 'subscribe')))
        .subscriber;
      assert.equal(await claim(s.id, '2026-05-01T07:00:00.000Z'), true);
      const tokens = [token('confirm', s.id), token('manage', s.id)];
      const failed = {
        subscriberId: s.id,
        at: '2026-05-01T08:00:00.000Z',
        limit,
        tokens,
        event: event(s.id, 'resend', '2026-05-01T08:00:00.000Z'),
      };
      assert.equal(await storage.claimMail(failed), true);
      await storage.releaseMail(failed);
      for (const t of tokens) assert.equal(await storage.findToken(t.hash, t.kind), null);
      assert.equal((await storage.listSubscriberEvents(s.id)).filter((e) => e.action === 'resend').length, 1);
      assert.equal(await claim(s.id, '2026-05-01T08:00:00.001Z'), true, 'the retry goes at once');
      assert.equal(await claim(s.id, '2026-05-01T09:00:00.000Z'), true, 'three counted that day');
      assert.equal(await claim(s.id, '2026-05-01T10:00:00.000Z'), false);
    });

    it('a subscription request counts its mail; held back, it changes nothing and stores no link', async () => {
      const at = '2026-05-01T08:00:00.000Z';
      const mailed = token('confirm');
      const first = await storage.requestSubscription(
        request('again@example.org', { at }),
        [mailed],
        event('', 'subscribe'),
        limit,
      );
      assert.equal(first.mailed, true);
      const held = token('confirm');
      const second = await storage.requestSubscription(
        request('again@example.org', { at: '2026-05-01T08:00:20.000Z', measureOpens: false, revision: 'r2' }),
        [held],
        event('', 'subscribe'),
        limit,
      );
      assert.equal(second.mailed, false);
      assert.deepEqual(second.subscriber, first.subscriber, 'the choices the mailed link confirms');
      assert.ok(await storage.findToken(mailed.hash, 'confirm'), 'the mailed link still works');
      assert.equal(await storage.findToken(held.hash, 'confirm'), null, 'no link without its mail');
      const s = first.subscriber;
      assert.deepEqual(
        (await storage.listSubscriberEvents(s.id)).map((e) => e.action),
        ['subscribe'],
      );
      assert.equal(await claim(s.id, '2026-05-01T08:00:59.999Z'), false, 'it counted for the limit');
      const third = await storage.requestSubscription(
        request('again@example.org', { at: '2026-05-01T08:01:00.000Z', measureOpens: false }),
        [token('confirm')],
        event('', 'subscribe'),
        limit,
      );
      assert.deepEqual([third.mailed, third.subscriber.measureOpens], [true, false], 'a minute later');
      assert.equal(await storage.findToken(mailed.hash, 'confirm'), null, 'other choices void the old link');
    });

    it('lets exactly one of 10 concurrent claims for one address through', async () => {
      const s = (await storage.requestSubscription(request('burst@example.org'), [], event('', 'subscribe')))
        .subscriber;
      const at = '2026-05-01T08:00:00.000Z';
      const results = await Promise.all(
        Array.from({ length: 10 }, () => claim(s.id, at, [token('confirm', s.id)])),
      );
      assert.equal(results.filter(Boolean).length, 1);
    });
  });
}
