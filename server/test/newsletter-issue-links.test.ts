// The links in each monthly issue: the staff export hands the mailing tool a working unsubscribe
// link (the footer the statement promises) and a one-click address (the mail client's own button,
// RFC 8058) for every confirmed subscriber, though the database keeps only token hashes.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { linkToken } from './helpers.js';
import { type InProcessApp, inProcessApp } from './in-process.js';
import { EXPORT_TOKEN } from './helpers.js';

const subscription = (email: string, language = 'nl') => ({
  email,
  revision: '2018-06-18',
  consentText: 'Ja, stuur mij de maandelijkse nieuwsbrief.',
  measureOpens: false,
  language,
});

interface Exported {
  email: string;
  unsubscribeUrl: string;
  manageUrl: string;
  oneClickUrl: string;
}

describe('links for each issue', () => {
  let app: InProcessApp;
  afterEach(async () => app.close());

  const post = (path: string, payload: unknown) =>
    app.app.inject({ method: 'POST', url: `/api/newsletter/${path}`, payload: payload as object });

  async function confirmed(email: string, language = 'nl'): Promise<void> {
    await post('subscribe', subscription(email, language));
    const mail = app.mailer.to(email).at(-1);
    assert.equal((await post('confirm', { token: linkToken(mail?.text ?? '', 'confirm') })).statusCode, 200);
  }

  async function exported(query = ''): Promise<Exported[]> {
    const response = await app.app.inject({
      url: `/api/newsletter/subscribers${query}`,
      headers: { authorization: `Bearer ${EXPORT_TOKEN}` },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    return (response.json() as { subscribers: Exported[] }).subscribers;
  }

  const tokenOf = (url: string | undefined): string => new URL(url ?? '').searchParams.get('token') ?? '';
  const status = async (token: string) =>
    ((await post('preferences', { token })).json() as { preferences?: { status: string } }).preferences
      ?.status;

  it('the export gives every confirmed subscriber a working unsubscribe link, stored only as a hash', async () => {
    app = await inProcessApp({ PUBLIC_URL: 'https://www.example.org', MAIL_MIN_INTERVAL_SECONDS: '0' });
    await confirmed('reader@example.org');
    await confirmed('lezer@example.org', 'en');
    await post('subscribe', subscription('pending@example.org'));
    const rows = await exported();
    assert.deepEqual(rows.map((r) => r.email).sort(), ['lezer@example.org', 'reader@example.org']);
    const reader = rows.find((r) => r.email === 'reader@example.org');
    assert.match(
      reader?.unsubscribeUrl ?? '',
      /^https:\/\/www\.example\.org\/nieuwsbrief\.html\?token=[A-Za-z0-9_-]{43}&action=unsubscribe$/,
    );
    assert.equal(tokenOf(reader?.manageUrl), tokenOf(reader?.unsubscribeUrl));
    assert.match(reader?.manageUrl ?? '', /&action=manage$/);
    assert.equal(
      reader?.oneClickUrl,
      `https://www.example.org/api/newsletter/unsubscribe/one-click?token=${tokenOf(reader?.unsubscribeUrl)}`,
    );
    const english = rows.find((r) => r.email === 'lezer@example.org');
    assert.match(english?.unsubscribeUrl ?? '', /\/en\/nieuwsbrief/);
    // A mail client opening the one-click address leads to the settings page in that language too.
    const oneClick = new URL(english?.oneClickUrl ?? '');
    const opened = await app.app.inject({ url: `${oneClick.pathname}${oneClick.search}` });
    assert.equal(
      opened.headers.location,
      `https://www.example.org/en/nieuwsbrief.html?token=${oneClick.searchParams.get('token')}&action=manage`,
    );

    // Stored hashed: the hash is in the database, the token itself nowhere.
    const token = tokenOf(reader?.unsubscribeUrl);
    const db = new Database(app.file, { readonly: true });
    const hashes = (
      db.prepare('SELECT token_hash FROM subscriber_tokens').all() as Array<{ token_hash: string }>
    ).map((t) => t.token_hash);
    db.close();
    assert.ok(hashes.includes(createHash('sha256').update(token).digest('hex')));
    assert.ok(!hashes.includes(token));

    // The next export issues new links; the earlier issue's link still works (a year).
    const again = (await exported()).find((r) => r.email === 'reader@example.org');
    assert.notEqual(tokenOf(again?.unsubscribeUrl), token);
    assert.equal(await status(token), 'confirmed');
    assert.equal((await post('unsubscribe', { token })).statusCode, 200);
    assert.equal(await status(token), 'unsubscribed');
    assert.deepEqual(
      (await exported()).map((r) => r.email),
      ['lezer@example.org'],
    );
  });

  it('the CSV export carries the same links', async () => {
    app = await inProcessApp({ PUBLIC_URL: 'https://www.example.org' });
    await confirmed('csv@example.org');
    const csv = await app.app.inject({
      url: '/api/newsletter/subscribers?format=csv',
      headers: { authorization: `Bearer ${EXPORT_TOKEN}` },
    });
    const [header, row] = csv.body.split('\r\n');
    assert.equal(
      header,
      'email,status,measureOpens,objectMarketing,objectResearch,confirmedAt,unsubscribedAt,revision,language,unsubscribeUrl,manageUrl,oneClickUrl',
    );
    const unsubscribeUrl = row?.split(',')[9];
    assert.equal(await status(tokenOf(unsubscribeUrl)), 'confirmed');
  });

  it("a mail client's one-click button unsubscribes with a form POST (RFC 8058); a GET does not", async () => {
    app = await inProcessApp({ PUBLIC_URL: 'https://www.example.org', MAIL_MIN_INTERVAL_SECONDS: '0' });
    await confirmed('button@example.org');
    await confirmed('multi@example.org');
    const rows = await exported();
    const oneClick = (email: string) => new URL(rows.find((r) => r.email === email)?.oneClickUrl ?? '');
    const url = oneClick('button@example.org');

    // A GET (a link checker, a preview) only leads to the settings page.
    const opened = await app.app.inject({ url: `${url.pathname}${url.search}` });
    assert.equal(opened.statusCode, 303);
    assert.equal(
      opened.headers.location,
      `https://www.example.org/nieuwsbrief.html?token=${url.searchParams.get('token')}&action=manage`,
    );
    assert.equal(await status(url.searchParams.get('token') ?? ''), 'confirmed');

    const form = (payload: string, type = 'application/x-www-form-urlencoded', target = url) =>
      app.app.inject({
        method: 'POST',
        url: `${target.pathname}${target.search}`,
        headers: { 'content-type': type, origin: 'https://mail.google.com' },
        payload,
      });
    assert.equal((await form('List-Unsubscribe=Something-Else')).statusCode, 400);
    const done = await form('List-Unsubscribe=One-Click');
    assert.deepEqual([done.statusCode, done.json()], [200, { status: 'unsubscribed' }]);
    assert.equal(await status(url.searchParams.get('token') ?? ''), 'unsubscribed');
    const subscriber = await app.storage.findSubscriberByEmail('button@example.org');
    const events = await app.storage.listSubscriberEvents(subscriber?.id ?? '');
    assert.deepEqual([events.at(-1)?.action, events.at(-1)?.method], ['unsubscribe', 'one-click']);

    const boundary = '----pk';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const multi = oneClick('multi@example.org');
    // "One-Click" must be the List-Unsubscribe part's value, not just anywhere in the body.
    const otherPart = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nNo\r\n--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    assert.equal((await form(otherPart, `multipart/form-data; boundary=${boundary}`, multi)).statusCode, 400);
    assert.equal(await status(multi.searchParams.get('token') ?? ''), 'confirmed');
    assert.equal((await form(multipart, `multipart/form-data; boundary=${boundary}`, multi)).statusCode, 200);
    assert.equal(await status(multi.searchParams.get('token') ?? ''), 'unsubscribed');

    // An unknown token is refused; form bodies stay refused on every other route (415).
    const unknown = new URL(url);
    unknown.searchParams.set('token', 'A'.repeat(43));
    assert.equal((await form('List-Unsubscribe=One-Click', undefined, unknown)).statusCode, 404);
    const subscribeByForm = await app.app.inject({
      method: 'POST',
      url: '/api/newsletter/unsubscribe',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${url.searchParams.get('token')}`,
    });
    assert.equal(subscribeByForm.statusCode, 415);
  });

  it('the confirmation mail asks mail clients for one-click unsubscribe too', async () => {
    app = await inProcessApp({ PUBLIC_URL: 'https://www.example.org' });
    await post('subscribe', subscription('headers@example.org'));
    const mail = app.mailer.to('headers@example.org')[0];
    const manage = linkToken(mail?.text ?? '', 'unsubscribe');
    assert.deepEqual(mail?.headers, {
      'List-Unsubscribe': `<https://www.example.org/api/newsletter/unsubscribe/one-click?token=${manage}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
