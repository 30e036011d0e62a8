// The subscriber export as proof of consent: its `revision` is the text revision the visitor
// subscribed under (what the confirmation confirmed), not that of a later switch change or of the
// unsubscription. Those are kept in the proof events.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { EXPORT_TOKEN, linkToken } from './helpers.js';
import { type InProcessApp, inProcessApp } from './in-process.js';

interface Row {
  email: string;
  status: string;
  revision: string;
  confirmedAt: string | null;
}

describe('the revision in the subscriber export', () => {
  let app: InProcessApp;
  afterEach(async () => app.close());

  const send = (path: string, payload: object, method: 'POST' | 'PUT' = 'POST') =>
    app.app.inject({ method, url: `/api/newsletter/${path}`, payload });
  const exported = async (email: string): Promise<Row | undefined> => {
    const response = await app.app.inject({
      url: '/api/newsletter/subscribers?status=all',
      headers: { authorization: `Bearer ${EXPORT_TOKEN}` },
    });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { subscribers: Row[] }).subscribers.find((r) => r.email === email);
  };
  const subscribe = async (email: string, revision: string): Promise<string> => {
    await send('subscribe', { email, revision, consentText: 'Ja', measureOpens: false });
    const token = linkToken(app.mailer.to(email).at(-1)?.text ?? '', 'confirm');
    return ((await send('confirm', { token })).json() as { manageToken: string }).manageToken;
  };

  it('is the one subscribed under, through switch changes and unsubscribing, until the next subscription', async () => {
    app = await inProcessApp();
    const token = await subscribe('rev@example.org', '2018-06-18');
    await send('preferences', { token, revision: '2026-01-01', objectResearch: true }, 'PUT');
    assert.equal((await exported('rev@example.org'))?.revision, '2018-06-18', 'after a switch change');
    await send('unsubscribe', { token, revision: '2026-02-01' });
    assert.deepEqual(
      [(await exported('rev@example.org'))?.status, (await exported('rev@example.org'))?.revision],
      ['unsubscribed', '2018-06-18'],
      'after unsubscribing',
    );
    app.clock.now = new Date(app.clock.now.getTime() + 61_000);
    await subscribe('rev@example.org', '2026-03-01');
    assert.deepEqual(
      [(await exported('rev@example.org'))?.status, (await exported('rev@example.org'))?.revision],
      ['confirmed', '2026-03-01'],
      'subscribed again: the new subscription’s',
    );
  });
});
