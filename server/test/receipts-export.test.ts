// The staff export of consent receipts against the real server process and a real SQLite file:
// its token, filters, paging and CSV (a file someone opens in a spreadsheet).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { EXPORT_TOKEN, get, makeReceipt, send, useReceiptServer } from './helpers.js';
import { inProcessApp } from './in-process.js';

const receipts = useReceiptServer();

/** A cursor in the export's encoding (base64url JSON), with any parts. */
const cursor = (parts: unknown[]): string => Buffer.from(JSON.stringify(parts)).toString('base64url');

describe('GET /api/consent/receipts (export)', () => {
  it('answers 401 without a token, with a wrong token, and with a non-bearer scheme', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer wrong-token-wrong-token' },
      { authorization: `Basic ${EXPORT_TOKEN}` },
    ]) {
      const response = await get(receipts.endpoint, headers);
      assert.equal(response.status, 401);
      assert.equal((response.json() as { error: string }).error, 'unauthorized');
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
    }
  });

  it('answers a 16 KB header of spaces as fast as any 401: checking it must not stall the server', async () => {
    const crafted = { authorization: `Bearer a${' '.repeat(16_000)}b` };
    const started = performance.now();
    for (let i = 0; i < 10; i++) assert.equal((await get(receipts.endpoint, crafted)).status, 401);
    // A quadratic pattern took about 240 ms each here; a linear one a millisecond or two.
    const ms = performance.now() - started;
    assert.ok(ms < 1000, `ten crafted headers took ${Math.round(ms)} ms`);
    const padded = { authorization: `Bearer${' '.repeat(2000)}${EXPORT_TOKEN}` };
    assert.equal((await get(receipts.endpoint, padded)).status, 401, 'a header over 1 KB is refused unread');
  });

  it('stays closed, whatever is sent, while PRIVACY_KIT_EXPORT_TOKEN is not set', async () => {
    const closed = await inProcessApp({ PRIVACY_KIT_EXPORT_TOKEN: '' });
    try {
      for (const url of ['/api/consent/receipts', '/api/newsletter/subscribers']) {
        for (const headers of [
          {},
          { authorization: 'Bearer ' },
          { authorization: `Bearer ${EXPORT_TOKEN}` },
        ]) {
          const response = await closed.app.inject({ url, headers });
          assert.equal(response.statusCode, 401, `${url} ${JSON.stringify(headers)}`);
          assert.match((response.json() as { message: string }).message, /Exports are disabled/);
        }
      }
    } finally {
      await closed.close();
    }
  });

  it('takes the Bearer scheme in any case, as HTTP says', async () => {
    for (const authorization of [
      `bearer ${EXPORT_TOKEN}`,
      `BEARER ${EXPORT_TOKEN}`,
      `Bearer  ${EXPORT_TOKEN}`,
    ]) {
      assert.equal((await get(receipts.endpoint, { authorization })).status, 200, authorization);
    }
  });

  it('filters by consentId and by date range (a date as "to" includes that whole day)', async () => {
    const consentId = randomUUID();
    const times = [
      '2025-01-31T23:59:59.000Z',
      '2025-02-01T00:00:00.000Z',
      '2025-02-28T23:00:00.000Z',
      '2025-03-01T00:00:00.000Z',
    ];
    for (const at of times)
      assert.equal((await send(receipts.endpoint, makeReceipt({ consentId, at }))).status, 201);
    const february = await receipts.exported(`consentId=${consentId}&from=2025-02-01&to=2025-02-28`);
    assert.deepEqual(
      february.map((r) => r.at),
      ['2025-02-01T00:00:00.000Z', '2025-02-28T23:00:00.000Z'],
    );
    const fromTime = await receipts.exported(`consentId=${consentId}&from=2025-02-28T22:00:00Z`);
    assert.equal(fromTime.length, 2);
    // "Until the end of time": the day after 9999-12-31 must not wrap into a time before them all.
    assert.equal((await receipts.exported(`consentId=${consentId}&to=9999-12-31`)).length, 4);
  });

  it('rejects bad filters with 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['from=last-week', 'from'],
      ['to=2025-13-45', 'to'],
      ['consentId=abc', 'consentId'],
      ['format=xml', 'format'],
      ['limit=0', 'limit'],
      ['limit=10001', 'limit'],
      ['limit=ten', 'limit'],
      ['after=abc', 'after'],
      ['after=not*base64', 'after'],
      // A cursor must be one this export made: two parts (time, receiptId), none over 128 characters.
      [`after=${cursor(['2025-01-01T00:00:00.000Z'])}`, 'after'],
      [`after=${cursor(['2025-01-01T00:00:00.000Z', randomUUID(), 'extra'])}`, 'after'],
      [`after=${cursor(['2025-01-01T00:00:00.000Z', 'x'.repeat(129)])}`, 'after'],
      ['unknown=1', 'unknown'],
      // Names an object has by inheritance: still named, not a 400 that says nothing.
      ['constructor=1', 'constructor'],
      ['__proto__=1', '__proto__'],
    ] as const) {
      const response = await get(`${receipts.endpoint}?${query}`);
      assert.equal(response.status, 400, query);
      const fields = (response.json() as { fields: Record<string, string> }).fields;
      assert.ok(Object.hasOwn(fields, field), `${query}: ${response.text}`);
    }
  });

  it('pages with limit and after: each receipt once, in order, with a next cursor and Link header', async () => {
    const consentId = randomUUID();
    for (const day of ['01', '02', '02', '03', '04']) {
      await send(receipts.endpoint, makeReceipt({ consentId, at: `2025-05-${day}T12:00:00.000Z` }));
    }
    const everything = await receipts.exported(`consentId=${consentId}`);
    assert.equal(everything.length, 5);
    const seen: unknown[] = [];
    let query = `consentId=${consentId}&limit=2`;
    for (let page = 0; page < 5; page++) {
      const response = await get(`${receipts.endpoint}?${query}`);
      const body = response.json() as { receipts: Array<{ receiptId: string }>; next: string | null };
      seen.push(...body.receipts.map((r) => r.receiptId));
      if (body.next === null) {
        assert.equal(response.headers.get('link'), null, 'no Link on the last page');
        break;
      }
      assert.equal(body.receipts.length, 2);
      const link = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('link') ?? '')?.[1] ?? '';
      assert.equal(new URL(link, receipts.endpoint).searchParams.get('after'), body.next);
      query = `consentId=${consentId}&limit=2&after=${body.next}`;
    }
    assert.deepEqual(
      seen,
      everything.map((r) => r.receiptId),
    );
    // A page that holds exactly the rest is the last: no cursor to an empty page.
    const exact = await get(`${receipts.endpoint}?consentId=${consentId}&limit=5`);
    const exactBody = exact.json() as { receipts: unknown[]; next: string | null };
    assert.deepEqual([exactBody.receipts.length, exactBody.next], [5, null]);
    assert.equal(exact.headers.get('link'), null);
    const csv = await get(`${receipts.endpoint}?consentId=${consentId}&limit=4&format=csv`);
    assert.equal(csv.text.trim().split('\r\n').length, 5, 'header and 4 rows');
    assert.match(csv.headers.get('link') ?? '', /after=[A-Za-z0-9_-]+.*rel="next"/);
  });

  it('exports CSV with a header, quoting, and formula cells defused', async () => {
    const consentId = randomUUID();
    const receipt = makeReceipt({
      consentId,
      userAgent: '=HYPERLINK("http://evil.example","x"), Chrome',
      revision: '2018;=1+1',
    });
    await send(receipts.endpoint, receipt);
    const response = await get(`${receipts.endpoint}?consentId=${consentId}&format=csv`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    const [header, row, end] = response.text.split('\r\n');
    assert.equal(header, 'receiptId,consentId,revision,granted,denied,method,at,userAgent,receivedAt');
    assert.ok(
      row?.startsWith(
        `${String(receipt.receiptId)},${consentId},"2018;'=1+1",necessary analytics google-analytics,marketing youtube,banner,`,
      ),
    );
    assert.ok(row?.includes(`"'=HYPERLINK(""http://evil.example"",""x""), Chrome"`), row);
    // Excel with Dutch regional settings splits on ";": no part may start a formula there either.
    assert.ok(row?.includes(`"2018;'=1+1"`), row);
    assert.deepEqual(
      response.text.split(/[;,\r\n]/).filter((field) => /^[=+\-@]/.test(field)),
      [],
    );
    assert.equal(end, '');
  });
});
