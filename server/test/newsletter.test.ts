// The newsletter as a visitor lives it, against the real server process: subscribe, find the
// mail in the outbox, confirm, read and change preferences, unsubscribe; plus the no-leak rule,
// the stored proof, and the staff export of what these tests leave behind.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { get, linkToken, send, waitForMails } from './helpers.js';
import {
  type Prefs,
  api,
  mailsTo,
  outbox,
  server,
  subscription,
  useNewsletterServer,
} from './newsletter-server.js';

useNewsletterServer();

describe('newsletter double opt-in', () => {
  it('subscribe → mail with confirm link → confirm → preferences → update → unsubscribe', async () => {
    const subscribed = await send(`${api}/subscribe`, subscription('Jane.Doe@Example.org'));
    assert.equal(subscribed.status, 202);
    assert.deepEqual(subscribed.body, { status: 'pending' });

    const [mail, ...more] = mailsTo('jane.doe@example.org');
    assert.ok(mail, 'a confirmation mail is in the outbox');
    assert.equal(more.length, 0);
    assert.match(
      mail.text,
      /https:\/\/www\.example\.org\/nieuwsbrief\.html\?token=[A-Za-z0-9_-]{43}&action=confirm/,
    );
    assert.match(
      mail.text,
      /https:\/\/www\.example\.org\/nieuwsbrief\.html\?token=[A-Za-z0-9_-]{43}&action=unsubscribe/,
    );
    assert.doesNotMatch(mail.raw, /<img/i, 'no tracking pixel');
    // Every link goes straight to the site: no click-tracking redirect.
    for (const link of mail.text.match(/https?:\/\/\S+/g) ?? [])
      assert.ok(link.startsWith('https://www.example.org/'), link);
    const confirmToken = linkToken(mail.text, 'confirm');
    assert.ok(confirmToken);

    const confirmed = await send(`${api}/confirm`, { token: confirmToken });
    assert.equal(confirmed.status, 200);
    const { preferences, manageToken } = confirmed.body as { preferences: Prefs; manageToken: string };
    assert.equal(preferences.status, 'confirmed');
    assert.equal(preferences.email, 'j***@example.org');
    assert.equal(preferences.measureOpens, true);
    assert.equal(preferences.objectMarketing, false);
    assert.match(manageToken, /^[A-Za-z0-9_-]{43}$/);

    const read = await send(`${api}/preferences`, { token: manageToken });
    assert.equal(read.status, 200);
    assert.equal((read.body as { preferences: Prefs }).preferences.status, 'confirmed');

    const updated = await send(
      `${api}/preferences`,
      {
        token: manageToken,
        revision: '2018-06-18',
        measureOpens: false,
        objectMarketing: true,
        objectResearch: true,
      },
      { method: 'PUT' },
    );
    assert.equal(updated.status, 200);
    const after = (updated.body as { preferences: Prefs }).preferences;
    assert.deepEqual(
      [after.status, after.measureOpens, after.objectMarketing, after.objectResearch],
      ['confirmed', false, true, true],
    );

    const gone = await send(`${api}/unsubscribe`, { token: manageToken });
    assert.equal(gone.status, 200);
    assert.equal((gone.body as { preferences: Prefs }).preferences.status, 'unsubscribed');
    // The mail follows the answer.
    const [goodbye] = await waitForMails(
      outbox,
      (m) => /^To: jane\.doe@example\.org$/m.test(m.headers) && /afgemeld/.test(m.headers),
      1,
    );
    assert.ok(goodbye, 'an unsubscribe confirmation mail is sent');
    assert.doesNotMatch(goodbye.raw, /<img/i);

    // Unsubscribing twice is still one calm answer (that it sends no second mail, which would
    // follow the answer, is counted in unsubscribe-mail.test.ts, where shutdown waits for mails).
    assert.equal((await send(`${api}/unsubscribe`, { token: manageToken })).status, 200);
    assert.equal(mailsTo('jane.doe@example.org').filter((m) => /afgemeld/.test(m.headers)).length, 1);
  });

  it('says in the mail which choice the link confirms: whoever opens it sees what they agree to', async () => {
    await send(`${api}/subscribe`, subscription('measured@example.org'));
    await send(`${api}/subscribe`, subscription('unmeasured@example.org', { measureOpens: false }));
    assert.match(mailsTo('measured@example.org')[0]?.text ?? '', /mogen wij meten of u de nieuwsbrief opent/);
    assert.match(
      mailsTo('unmeasured@example.org')[0]?.text ?? '',
      /Wij meten niet of u de nieuwsbrief opent/,
    );
  });

  it('the unsubscribe link in the confirmation mail works before confirming', async () => {
    await send(`${api}/subscribe`, subscription('early@example.org'));
    const [mail] = mailsTo('early@example.org');
    const manage = linkToken(mail?.text ?? '', 'unsubscribe');
    const response = await send(`${api}/unsubscribe`, { token: manage });
    assert.equal(response.status, 200);
    assert.equal((response.body as { preferences: Prefs }).preferences.status, 'unsubscribed');
    // The old confirmation link can no longer silently re-subscribe.
    const confirm = await send(`${api}/confirm`, { token: linkToken(mail?.text ?? '', 'confirm') });
    assert.equal(confirm.status, 404);
  });

  it('answers a duplicate subscription exactly like a new one (no leak)', async () => {
    const first = await send(`${api}/subscribe`, subscription('twice@example.org'));
    const [mail] = mailsTo('twice@example.org');
    await send(`${api}/confirm`, { token: linkToken(mail?.text ?? '', 'confirm') });
    const again = await send(`${api}/subscribe`, subscription('twice@example.org', { measureOpens: false }));
    const fresh = await send(`${api}/subscribe`, subscription('never-seen@example.org'));
    assert.deepEqual([again.status, again.body], [first.status, first.body]);
    assert.deepEqual([fresh.status, fresh.body], [first.status, first.body]);
    const [, second] = mailsTo('twice@example.org');
    assert.ok(second, 'the owner of the address gets a mail, so nothing is learned from the answer');
    // A new request does not change a confirmed subscriber's choices without confirmation.
    const exportRows = (await get(`${api}/subscribers`)).json() as {
      subscribers: Array<{ email: string; measureOpens: boolean }>;
    };
    assert.equal(exportRows.subscribers.find((s) => s.email === 'twice@example.org')?.measureOpens, true);
  });

  it(
    'resend answers 202 for known and unknown addresses, and mails only a pending one',
    { timeout: 10_000 },
    async () => {
      await send(`${api}/subscribe`, subscription('resend@example.org'));
      const unknown = await send(`${api}/resend`, { email: 'nobody@example.org' });
      const known = await send(`${api}/resend`, { email: 'RESEND@example.org' });
      assert.deepEqual([known.status, known.body], [202, { status: 'pending' }]);
      assert.deepEqual([unknown.status, unknown.body], [202, { status: 'pending' }]);
      // The resent mail follows the answer.
      await waitForMails(outbox, (mail) => /^To: resend@example\.org$/m.test(mail.headers), 2);
      assert.equal(mailsTo('resend@example.org').length, 2);
      assert.equal(mailsTo('nobody@example.org').length, 0);
      // Either link confirms; confirming uses up both, so neither mints another manage link later.
      const [first, second] = mailsTo('resend@example.org');
      assert.equal(
        (await send(`${api}/confirm`, { token: linkToken(second?.text ?? '', 'confirm') })).status,
        200,
      );
      assert.equal(
        (await send(`${api}/confirm`, { token: linkToken(first?.text ?? '', 'confirm') })).status,
        404,
      );
    },
  );

  it('stores proof of every change (time, revision, method, consent id) and only token hashes', async () => {
    const consentId = '0f8a4c4e-2b1d-4c3e-9a5f-6d7e8f9a0b1c';
    await send(`${api}/subscribe`, subscription('proof@example.org', { consentId: consentId.toUpperCase() }));
    const mail = mailsTo('proof@example.org')[0]?.text ?? '';
    const confirmToken = linkToken(mail, 'confirm') ?? '';
    // In capitals, as another client may spell it: stored as the receipts store it, in lower case.
    const { manageToken } = (
      await send(`${api}/confirm`, { token: confirmToken, consentId: consentId.toUpperCase() })
    ).body as {
      manageToken: string;
    };
    await send(
      `${api}/preferences`,
      {
        token: manageToken,
        revision: '2026-01-01',
        objectResearch: true,
        consentId: consentId.toUpperCase(),
      },
      { method: 'PUT' },
    );
    const db = new Database(join(server.dataDir, 'privacy-kit.sqlite'), { readonly: true });
    const events = db
      .prepare(
        "SELECT e.action, e.revision, e.method, e.detail FROM subscriber_events e JOIN subscribers s ON s.id = e.subscriber_id WHERE s.email = 'proof@example.org' ORDER BY e.at, e.rowid",
      )
      .all() as Array<{ action: string; revision: string; method: string; detail: string }>;
    const stored = db.prepare('SELECT token_hash FROM subscriber_tokens').all() as Array<{
      token_hash: string;
    }>;
    db.close();
    assert.deepEqual(
      events.map((e) => [e.action, e.revision, e.method]),
      [
        ['subscribe', '2018-06-18', 'web-form'],
        ['confirm', '2018-06-18', 'confirm-link'],
        ['update', '2026-01-01', 'manage-link'],
      ],
    );
    assert.match(events[0]?.detail ?? '', /Ja, stuur mij de maandelijkse nieuwsbrief/);
    assert.equal((JSON.parse(events[0]?.detail ?? '') as { consentId: string }).consentId, consentId);
    assert.deepEqual(JSON.parse(events[1]?.detail ?? ''), { consentId });
    assert.deepEqual(JSON.parse(events[2]?.detail ?? ''), { objectResearch: true, consentId });
    const hashes = stored.map((t) => t.token_hash);
    const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
    assert.ok(hashes.includes(sha256(manageToken)), 'the manage token is stored as its SHA-256 hash');
    assert.ok(!hashes.includes(manageToken), 'and never as itself');
    assert.ok(!hashes.includes(sha256(confirmToken)), 'the confirmation token is used up');
  });

  it("keeps the visitor's consent id with the proof of an unsubscription", async () => {
    const consentId = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
    await send(`${api}/subscribe`, subscription('leaver@example.org'));
    const confirmToken = linkToken(mailsTo('leaver@example.org')[0]?.text ?? '', 'confirm') ?? '';
    const { manageToken } = (await send(`${api}/confirm`, { token: confirmToken })).body as {
      manageToken: string;
    };
    assert.equal(
      (await send(`${api}/unsubscribe`, { token: manageToken, consentId: consentId.toUpperCase() })).status,
      200,
    );
    assert.equal(
      (await send(`${api}/unsubscribe`, { token: manageToken, consentId: 'not-a-uuid' })).status,
      400,
    );
    const db = new Database(join(server.dataDir, 'privacy-kit.sqlite'), { readonly: true });
    const last = db
      .prepare(
        "SELECT e.action, e.detail FROM subscriber_events e JOIN subscribers s ON s.id = e.subscriber_id WHERE s.email = 'leaver@example.org' ORDER BY e.at DESC, e.rowid DESC LIMIT 1",
      )
      .get() as { action: string; detail: string };
    db.close();
    assert.equal(last.action, 'unsubscribe');
    assert.deepEqual(JSON.parse(last.detail), { previousStatus: 'confirmed', consentId });
  });

  // Reads the subscribers the tests above left behind (confirmed, pending, unsubscribed).
  it('exports confirmed subscribers only, behind the token, as JSON and CSV', async () => {
    await send(`${api}/subscribe`, subscription('pending-only@example.org'));
    assert.equal((await get(`${api}/subscribers`, {})).status, 401);
    const response = await get(`${api}/subscribers`);
    assert.equal(response.status, 200);
    const { subscribers } = response.json() as { subscribers: Array<Record<string, unknown>> };
    const emails = subscribers.map((s) => s.email);
    assert.ok(emails.includes('twice@example.org'));
    assert.ok(!emails.includes('pending-only@example.org'));
    assert.ok(!emails.includes('jane.doe@example.org'), 'unsubscribed addresses are not exported');
    const proof = subscribers.find((s) => s.email === 'proof@example.org');
    assert.deepEqual(Object.keys(proof ?? {}).sort(), [
      'confirmedAt',
      'email',
      'language',
      'manageUrl',
      'measureOpens',
      'objectMarketing',
      'objectResearch',
      'oneClickUrl',
      'revision',
      'status',
      'unsubscribeUrl',
      'unsubscribedAt',
    ]);
    assert.equal(proof?.objectResearch, true);
    assert.equal((response.json() as { next: unknown }).next, null, 'everything fits one page');
    // Page by page, each subscriber once.
    const first = (await get(`${api}/subscribers?limit=1`)).json() as {
      subscribers: Array<{ email: string }>;
      next: string;
    };
    const rest = (await get(`${api}/subscribers?after=${first.next}`)).json() as {
      subscribers: Array<{ email: string }>;
    };
    assert.deepEqual(
      [...first.subscribers, ...rest.subscribers].map((s) => s.email),
      emails,
    );
    const csv = await get(`${api}/subscribers?format=csv`);
    assert.match(
      csv.text,
      /^email,status,measureOpens,objectMarketing,objectResearch,confirmedAt,unsubscribedAt,revision,language,unsubscribeUrl,manageUrl,oneClickUrl\r\n/,
    );
    assert.match(csv.text, /\r\nproof@example\.org,confirmed,true,false,true,/);
  });
});
