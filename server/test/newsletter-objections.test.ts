// Objections to marketing and research use outlive the subscription: staff must still read them
// after the person unsubscribes, while the default export stays the list to mail.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { EXPORT_TOKEN, linkToken } from './helpers.js';
import { type InProcessApp, inProcessApp } from './in-process.js';

interface Row {
  email: string;
  status: string;
  objectMarketing: boolean;
  objectResearch: boolean;
  unsubscribedAt: string | null;
  unsubscribeUrl: string | null;
}

describe('objections in the subscriber export', () => {
  let app: InProcessApp;
  afterEach(async () => app.close());

  const post = (path: string, payload: object, method: 'POST' | 'PUT' = 'POST') =>
    app.app.inject({ method, url: `/api/newsletter/${path}`, payload });
  const exported = async (query = ''): Promise<Row[]> => {
    const response = await app.app.inject({
      url: `/api/newsletter/subscribers${query}`,
      headers: { authorization: `Bearer ${EXPORT_TOKEN}` },
    });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { subscribers: Row[] }).subscribers;
  };

  async function confirmed(email: string): Promise<string> {
    await post('subscribe', { email, revision: 'r1', consentText: 'Ja', measureOpens: false });
    const token = linkToken(app.mailer.to(email)[0]?.text ?? '', 'confirm');
    return ((await post('confirm', { token })).json() as { manageToken: string }).manageToken;
  }

  it('keeps the objections of someone who unsubscribed readable with ?status=all', async () => {
    app = await inProcessApp({ PUBLIC_URL: 'https://www.example.org' });
    const leaver = await confirmed('leaver@example.org');
    await confirmed('stays@example.org');
    await post(
      'preferences',
      { token: leaver, revision: 'r1', objectMarketing: true, objectResearch: true },
      'PUT',
    );
    await post('unsubscribe', { token: leaver });

    assert.deepEqual(
      (await exported()).map((r) => [r.email, r.status]),
      [['stays@example.org', 'confirmed']],
      'the default export is the list to mail',
    );
    const all = await exported('?status=all');
    const gone = all.find((r) => r.email === 'leaver@example.org');
    assert.deepEqual(
      [gone?.status, gone?.objectMarketing, gone?.objectResearch, typeof gone?.unsubscribedAt],
      ['unsubscribed', true, true, 'string'],
    );
    assert.ok(
      all.every((r) => r.unsubscribeUrl === null),
      'no links outside the mailing list',
    );
    assert.deepEqual(
      (await exported('?status=unsubscribed')).map((r) => r.email),
      ['leaver@example.org'],
    );
    const csv = await app.app.inject({
      url: '/api/newsletter/subscribers?status=all&format=csv',
      headers: { authorization: `Bearer ${EXPORT_TOKEN}` },
    });
    assert.match(csv.body, /\r\nleaver@example\.org,unsubscribed,false,true,true,/);
    const bad = await app.app.inject({
      url: '/api/newsletter/subscribers?status=gone',
      headers: { authorization: `Bearer ${EXPORT_TOKEN}` },
    });
    assert.equal(bad.statusCode, 400);
  });

  it('after unsubscribing, each objection switch keeps the link it came through', async () => {
    app = await inProcessApp({ PUBLIC_URL: 'https://www.example.org' });
    const manage = await confirmed('switcher@example.org');
    assert.equal((await post('unsubscribe', { token: manage, revision: 'r1' })).statusCode, 200);
    for (const objection of [{ objectMarketing: true }, { objectResearch: true }]) {
      const switched = await post('preferences', { token: manage, revision: 'r1', ...objection }, 'PUT');
      assert.equal(switched.statusCode, 200, switched.body);
    }
    // The link of the unsubscribe mail (the same token) still shows the settings.
    assert.equal((await post('preferences', { token: manage })).statusCode, 200);
    const [row] = await exported('?status=all');
    assert.deepEqual([row?.status, row?.objectMarketing, row?.objectResearch], ['unsubscribed', true, true]);
  });
});
