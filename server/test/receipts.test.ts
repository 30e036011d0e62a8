// Consent receipts against the real server process and a real SQLite file: the contract's happy
// path, idempotency and every kind of bad body (the export: receipts-export.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeReceipt, send, useReceiptServer } from './helpers.js';

const receipts = useReceiptServer();

describe('POST /api/consent/receipts', () => {
  it('stores a receipt (201) and answers 200 stored:false for the same receipt again: one row', async () => {
    const receipt = makeReceipt();
    const first = await send(receipts.endpoint, receipt);
    assert.equal(first.status, 201);
    assert.deepEqual(first.body, { receiptId: receipt.receiptId, stored: true });
    const second = await send(receipts.endpoint, receipt);
    assert.equal(second.status, 200);
    assert.deepEqual(second.body, { receiptId: receipt.receiptId, stored: false });
    const rows = await receipts.exported(`consentId=${String(receipt.consentId)}`);
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]?.granted, receipt.granted);
    assert.deepEqual(rows[0]?.denied, receipt.denied);
    assert.equal(rows[0]?.method, 'banner');
    assert.equal(rows[0]?.userAgent, 'node-test');
  });

  it('accepts a receipt without userAgent and with empty granted/denied lists', async () => {
    const receipt = makeReceipt({ userAgent: undefined, granted: [], denied: [] });
    assert.equal((await send(receipts.endpoint, receipt)).status, 201);
  });

  it('stores the decision time in UTC, whatever offset the client sent', async () => {
    const receipt = makeReceipt({ at: '2026-03-01T10:00:00+02:00' });
    assert.equal((await send(receipts.endpoint, receipt)).status, 201);
    const [row] = await receipts.exported(`consentId=${String(receipt.consentId)}`);
    assert.equal(row?.at, '2026-03-01T08:00:00.000Z');
  });

  it('accepts a JSON body sent as text/plain (navigator.sendBeacon on page unload)', async () => {
    const receipt = makeReceipt();
    const response = await send(receipts.endpoint, receipt, {
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    assert.equal(response.status, 201);
  });

  it('rejects a body that is not JSON with 400 validation', async () => {
    const response = await send(receipts.endpoint, '{"receiptId": ');
    assert.equal(response.status, 400);
    assert.equal((response.body as { error: string }).error, 'validation');
  });

  it('rejects a body over 16 KB with 413 too_large', async () => {
    const response = await send(receipts.endpoint, makeReceipt({ userAgent: 'x'.repeat(17 * 1024) }));
    assert.equal(response.status, 413);
    assert.equal((response.body as { error: string }).error, 'too_large');
  });

  it('rejects unknown fields with 400 naming the field (not silently dropped)', async () => {
    const receipt = makeReceipt({ email: 'jane@example.org' });
    const response = await send(receipts.endpoint, receipt);
    assert.equal(response.status, 400);
    const body = response.body as { error: string; message: string; fields: Record<string, string> };
    assert.equal(body.error, 'validation');
    assert.deepEqual(body.fields, { email: 'unknown field' });
    assert.match(body.message, /email/);
    const rows = await receipts.exported(`consentId=${String(receipt.consentId)}`);
    assert.equal(rows.length, 0);
  });

  it('rejects a NUL character in free text with 400 on every backend (PostgreSQL cannot store it)', async () => {
    for (const field of ['revision', 'userAgent'] as const) {
      const receipt = makeReceipt({ [field]: 'a\u0000b' });
      const response = await send(receipts.endpoint, receipt);
      assert.equal(response.status, 400, `${field}: ${JSON.stringify(response.body)}`);
      assert.ok(field in (response.body as { fields: Record<string, string> }).fields, field);
    }
  });

  it('names each wrong field: types, formats, enums, lengths, list items', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ receiptId: 'not-a-uuid' }, 'receiptId'],
      [{ consentId: 42 }, 'consentId'],
      [{ revision: '' }, 'revision'],
      [{ revision: 'r'.repeat(65) }, 'revision'],
      // Not coerced: a number is not the string the proof must quote.
      [{ revision: 20180618 }, 'revision'],
      [{ granted: 'analytics' }, 'granted'],
      [{ granted: ['Analytics'] }, 'granted[0]'],
      [{ denied: ['ok', '<script>'] }, 'denied[1]'],
      [{ denied: Array.from({ length: 257 }, (_, i) => `s${i}`) }, 'denied'],
      [{ method: 'cookie-wall' }, 'method'],
      [{ at: 'yesterday' }, 'at'],
      [{ userAgent: 'u'.repeat(513) }, 'userAgent'],
      [{ receiptId: undefined }, 'receiptId'],
    ];
    for (const [overrides, field] of cases) {
      const response = await send(receipts.endpoint, makeReceipt(overrides));
      assert.equal(response.status, 400, `${JSON.stringify(overrides)} should be refused`);
      const fields = (response.body as { fields: Record<string, string> }).fields;
      assert.ok(field in fields, `${field} should be named in ${JSON.stringify(fields)}`);
    }
  });

  it('stores a receipt sent again with its UUIDs in capitals only once, in lower case', async () => {
    const receipt = makeReceipt();
    const shouting = {
      ...receipt,
      receiptId: String(receipt.receiptId).toUpperCase(),
      consentId: String(receipt.consentId).toUpperCase(),
    };
    const first = await send(receipts.endpoint, shouting);
    assert.deepEqual([first.status, first.body], [201, { receiptId: receipt.receiptId, stored: true }]);
    assert.equal(
      (await send(receipts.endpoint, receipt)).status,
      200,
      'the lower-case spelling is a duplicate',
    );
    const rows = await receipts.exported(`consentId=${String(shouting.consentId)}`);
    assert.deepEqual(
      rows.map((r) => [r.receiptId, r.consentId]),
      [[receipt.receiptId, receipt.consentId]],
    );
  });

  it('refuses another spelling of a UUID (urn:uuid:…): one receipt, one row, found by its consentId', async () => {
    const receipt = makeReceipt();
    const response = await send(receipts.endpoint, {
      ...receipt,
      receiptId: `urn:uuid:${String(receipt.receiptId)}`,
      consentId: `urn:uuid:${String(receipt.consentId)}`,
    });
    assert.equal(response.status, 400);
    const fields = (response.body as { fields: Record<string, string> }).fields;
    assert.deepEqual(Object.keys(fields).sort(), ['consentId', 'receiptId']);
  });

  it('refuses a name listed twice, or both granted and denied: the proof must not contradict itself', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ granted: ['analytics', 'analytics'] }, 'granted'],
      [{ denied: ['marketing', 'youtube', 'marketing'] }, 'denied'],
      [{ granted: ['necessary', 'analytics'], denied: ['analytics'] }, 'denied'],
    ];
    for (const [overrides, field] of cases) {
      const receipt = makeReceipt(overrides);
      const response = await send(receipts.endpoint, receipt);
      assert.equal(response.status, 400, JSON.stringify(overrides));
      assert.ok(field in (response.body as { fields: Record<string, string> }).fields, field);
      assert.deepEqual(await receipts.exported(`consentId=${String(receipt.consentId)}`), []);
    }
  });

  it('stores a decision time before 2000 (a reset clock) or more than a day ahead (a fast clock) as its arrival', async () => {
    const hour = 3_600_000;
    const arrived = async (receipt: Record<string, unknown>): Promise<void> => {
      const before = Date.now();
      assert.equal((await send(receipts.endpoint, receipt)).status, 201, String(receipt.at));
      const [stored] = (await receipts.exported(`consentId=${String(receipt.consentId)}`)) as {
        at: string;
      }[];
      assert.ok(
        stored && Date.parse(stored.at) >= before - 1000 && Date.parse(stored.at) <= Date.now() + 1000,
        `${String(receipt.at)} stored as ${stored?.at}`,
      );
    };
    // A clock reset to its epoch (a dead battery): kept, as refusing it would lose the proof.
    for (const at of ['1970-01-01T00:00:05Z', '1999-12-31T23:59:59Z', '0001-01-01T00:00:00Z'])
      await arrived(makeReceipt({ at }));
    // A visitor's clock running a few hours fast, and the first moment of 2000, are believed.
    for (const at of [new Date(Date.now() + 3 * hour).toISOString(), '2000-01-01T00:00:00.000Z']) {
      const believable = makeReceipt({ at });
      assert.equal((await send(receipts.endpoint, believable)).status, 201);
      const [believed] = await receipts.exported(`consentId=${String(believable.consentId)}`);
      assert.equal(believed?.at, at);
    }
    // Two days fast: kept (refusing it would lose the proof), dated when it arrived.
    await arrived(makeReceipt({ at: new Date(Date.now() + 48 * hour).toISOString() }));
  });

  it('takes a receipt of a large config: a hundred names granted and a hundred denied', async () => {
    const names = (prefix: string) => Array.from({ length: 100 }, (_, i) => `${prefix}-service-${i}`);
    const receipt = makeReceipt({ granted: names('on'), denied: names('off') });
    assert.equal((await send(receipts.endpoint, receipt)).status, 201);
  });

  it('rejects a JSON array or a string as the body', async () => {
    assert.equal((await send(receipts.endpoint, [makeReceipt()])).status, 400);
    assert.equal((await send(receipts.endpoint, '"receipt"')).status, 400);
  });

  it('refuses a __proto__ key like any other unknown field', async () => {
    const raw = JSON.stringify(makeReceipt()).replace(/^\{/, '{"__proto__":{"admin":true},');
    const response = await send(receipts.endpoint, raw);
    assert.equal(response.status, 400);
  });

  it('never answers with a stack trace', async () => {
    const response = await send(receipts.endpoint, '{"receiptId": ');
    assert.doesNotMatch(JSON.stringify(response.body), /at .*\.(ts|js):\d+/);
  });
});
