// Receipts: stored once per receiptId (decided by the database, also under concurrent writers),
// listed by consent id and time, page by page, exactly as given.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Storage } from '../../src/storage/types.js';
import { type MakeStorage, receipt, withFreshStorage } from './fixtures.js';

/** Registers the receipts part of the storage suite. */
export function describeReceiptStorage(makeStorage: MakeStorage): void {
  describe('receipts', () => {
    let storage: Storage;
    withFreshStorage(makeStorage, (fresh) => (storage = fresh));

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
}
