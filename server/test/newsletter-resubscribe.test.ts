// Asking again for an address that is already known: a confirmation link confirms the choices of
// the request it was mailed for, never those someone posted afterwards; a request the mail limit
// holds back changes nothing (no mail would announce it); and a request for a confirmed address
// leaves no proof of a change that did not happen.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { linkToken } from './helpers.js';
import { type InProcessApp, inProcessApp } from './in-process.js';

const subscription = (email: string, measureOpens: boolean) => ({
  email,
  revision: '2018-06-18',
  consentText: 'Ja, stuur mij de maandelijkse nieuwsbrief.',
  measureOpens,
});

describe('subscribing an address again', () => {
  let app: InProcessApp;
  afterEach(async () => app.close());

  const post = (path: string, payload: object) =>
    app.app.inject({ method: 'POST', url: `/api/newsletter/${path}`, payload });
  const confirmLink = (email: string, index: number) =>
    linkToken(app.mailer.to(email)[index]?.text ?? '', 'confirm');
  const later = (seconds: number) => (app.clock.now = new Date(app.clock.now.getTime() + seconds * 1000));

  it('an earlier confirmation link stops working once someone asks with other choices', async () => {
    app = await inProcessApp();
    await post('subscribe', subscription('shared@example.org', true));
    later(61);
    await post('subscribe', subscription('shared@example.org', false));
    assert.equal(app.mailer.to('shared@example.org').length, 2);
    const old = await post('confirm', { token: confirmLink('shared@example.org', 0) });
    assert.equal(
      old.statusCode,
      404,
      'the first mail would confirm "measure opens: no" that its reader never chose',
    );
    const fresh = await post('confirm', { token: confirmLink('shared@example.org', 1) });
    assert.equal(fresh.statusCode, 200);
    assert.equal(
      (fresh.json() as { preferences: { measureOpens: boolean } }).preferences.measureOpens,
      false,
    );
  });

  it('the same request again keeps the earlier link working', async () => {
    app = await inProcessApp();
    await post('subscribe', subscription('again@example.org', true));
    later(61);
    await post('subscribe', subscription('again@example.org', true));
    assert.equal((await post('confirm', { token: confirmLink('again@example.org', 0) })).statusCode, 200);
  });

  it('a request with other choices that the mail limit holds back leaves the mailed link working', async () => {
    app = await inProcessApp({ MAIL_MIN_INTERVAL_SECONDS: '60' });
    await post('subscribe', subscription('twice@example.org', false));
    // 20 s later the visitor goes back, ticks "measure opens" and sends the form again.
    later(20);
    const again = await post('subscribe', subscription('twice@example.org', true));
    assert.equal(again.statusCode, 202, 'the same answer as any request (no leak)');
    assert.equal(app.mailer.to('twice@example.org').length, 1, 'held back by the limit');
    const subscriber = await app.storage.findSubscriberByEmail('twice@example.org');
    assert.equal(subscriber?.measureOpens, false, 'the choices the mail in the inbox shows');
    assert.deepEqual(
      (await app.storage.listSubscriberEvents(subscriber?.id ?? '')).map((e) => e.action),
      ['subscribe'],
      'no proof of a request that changed nothing',
    );
    const confirmed = await post('confirm', { token: confirmLink('twice@example.org', 0) });
    assert.equal(confirmed.statusCode, 200, 'the only link in the inbox still works');
    assert.equal(
      (confirmed.json() as { preferences: { measureOpens: boolean } }).preferences.measureOpens,
      false,
    );
  });

  it('a request for a confirmed address records no subscribe event', async () => {
    app = await inProcessApp();
    await post('subscribe', subscription('known@example.org', true));
    await post('confirm', { token: confirmLink('known@example.org', 0) });
    later(61);
    const again = await post('subscribe', subscription('known@example.org', false));
    assert.equal(again.statusCode, 202);
    const subscriber = await app.storage.findSubscriberByEmail('known@example.org');
    assert.equal(subscriber?.measureOpens, true);
    const events = await app.storage.listSubscriberEvents(subscriber?.id ?? '');
    assert.deepEqual(
      events.map((e) => e.action),
      ['subscribe', 'confirm'],
    );
  });
});
