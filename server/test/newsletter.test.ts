// The newsletter as a visitor lives it, against the real server process: subscribe, find the
// mail in the outbox, confirm, read and change preferences, unsubscribe; plus the no-leak and
// expiry rules, the stored proof, and the staff export.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import {
  type RunningServer,
  get,
  linkToken,
  makeReceipt,
  readOutbox,
  removeDir,
  send,
  startServer,
  tempDir,
  waitForMails,
} from './helpers.js';

let server: RunningServer;
let api: string;
let outbox: string;

before(async () => {
  // No minimum interval between mails to one address here: these tests mail the same address in
  // quick succession. The per-address limit has its own tests (mail-limit.test.ts).
  server = await startServer({ PUBLIC_URL: 'https://www.example.org', MAIL_MIN_INTERVAL_SECONDS: '0' });
  api = `${server.url}/api/newsletter`;
  outbox = join(server.dataDir, 'outbox');
});
after(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const subscription = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  revision: '2018-06-18',
  consentText: 'Ja, stuur mij de maandelijkse nieuwsbrief.',
  measureOpens: true,
  language: 'nl',
  ...extra,
});

function mailsTo(address: string) {
  return readOutbox(outbox).filter((mail) => new RegExp(`^To: ${address}$`, 'm').test(mail.headers));
}

/** The stored tokens of a subscriber, read from the server's database. */
function tokensOf(email: string): Array<{ kind: string; created_at: string; expires_at: string }> {
  const db = new Database(join(server.dataDir, 'privacy-kit.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT t.kind, t.created_at, t.expires_at FROM subscriber_tokens t JOIN subscribers s ON s.id = t.subscriber_id WHERE s.email = ?',
      )
      .all(email) as Array<{ kind: string; created_at: string; expires_at: string }>;
  } finally {
    db.close();
  }
}

interface Prefs {
  status: string;
  email: string;
  measureOpens: boolean;
  objectMarketing: boolean;
  objectResearch: boolean;
  updatedAt: string;
}

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
    const goodbye = mailsTo('jane.doe@example.org').find((m) => /afgemeld/.test(m.headers));
    assert.ok(goodbye, 'an unsubscribe confirmation mail is sent');
    assert.doesNotMatch(goodbye.raw, /<img/i);

    // Unsubscribing twice is still one calm answer, and sends no second mail.
    assert.equal((await send(`${api}/unsubscribe`, { token: manageToken })).status, 200);
    assert.equal(mailsTo('jane.doe@example.org').filter((m) => /afgemeld/.test(m.headers)).length, 1);
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

  it('answers 404 not_found for an unknown token and 410 expired for an old confirmation link', async () => {
    const unknown = await send(`${api}/confirm`, { token: 'A'.repeat(43) });
    assert.equal(unknown.status, 404);
    assert.equal((unknown.body as { error: string }).error, 'not_found');
    assert.equal((await send(`${api}/preferences`, { token: 'B'.repeat(43) })).status, 404);
    assert.equal((await send(`${api}/unsubscribe`, { token: 'C'.repeat(43) })).status, 404);
    assert.equal(
      (await send(`${api}/preferences`, { token: 'D'.repeat(43), revision: 'r' }, { method: 'PUT' })).status,
      404,
    );

    await send(`${api}/subscribe`, subscription('late@example.org'));
    const token = linkToken(mailsTo('late@example.org')[0]?.text ?? '', 'confirm');
    // 48 hours pass: move the stored expiry into the past, in the server's own database.
    const db = new Database(join(server.dataDir, 'privacy-kit.sqlite'));
    db.prepare(
      "UPDATE subscriber_tokens SET expires_at = '2000-01-01T00:00:00.000Z' WHERE kind = 'confirm'",
    ).run();
    db.close();
    const expired = await send(`${api}/confirm`, { token });
    assert.equal(expired.status, 410);
    assert.equal((expired.body as { error: string }).error, 'expired');
  });

  it('a confirmation link works once: opened again it is unknown, and no second manage token is made', async () => {
    await send(`${api}/subscribe`, subscription('once@example.org'));
    const token = linkToken(mailsTo('once@example.org')[0]?.text ?? '', 'confirm');
    assert.equal((await send(`${api}/confirm`, { token })).status, 200);
    const manageTokens = () => tokensOf('once@example.org').filter((t) => t.kind === 'manage').length;
    const before = manageTokens();
    const again = await send(`${api}/confirm`, { token });
    assert.equal(again.status, 404);
    assert.equal((again.body as { error: string }).error, 'not_found');
    assert.equal(manageTokens(), before);
  });

  it('manage links work for a year, then answer 410 expired', async () => {
    await send(`${api}/subscribe`, subscription('year@example.org'));
    const mail = mailsTo('year@example.org')[0]?.text ?? '';
    const { manageToken } = (await send(`${api}/confirm`, { token: linkToken(mail, 'confirm') })).body as {
      manageToken: string;
    };
    const day = 86_400_000;
    for (const t of tokensOf('year@example.org').filter((t) => t.kind === 'manage')) {
      const lifetime = Date.parse(t.expires_at) - Date.parse(t.created_at);
      assert.equal(lifetime, 365 * day);
    }
    // A year passes: move the stored expiry into the past, in the server's own database.
    const db = new Database(join(server.dataDir, 'privacy-kit.sqlite'));
    db.prepare(
      `UPDATE subscriber_tokens SET expires_at = ? WHERE subscriber_id = (SELECT id FROM subscribers WHERE email = ?)`,
    ).run(new Date(Date.now() - day).toISOString(), 'year@example.org');
    db.close();
    for (const token of [manageToken, linkToken(mail, 'unsubscribe')]) {
      const expired = await send(`${api}/preferences`, { token });
      assert.equal(expired.status, 410);
      assert.equal((await send(`${api}/unsubscribe`, { token })).status, 410);
    }
  });

  it('unsubscribing revokes the other manage links; the one used keeps showing "unsubscribed"', async () => {
    await send(`${api}/subscribe`, subscription('revoke@example.org'));
    const mail = mailsTo('revoke@example.org')[0]?.text ?? '';
    const fromMail = linkToken(mail, 'unsubscribe');
    const { manageToken } = (await send(`${api}/confirm`, { token: linkToken(mail, 'confirm') })).body as {
      manageToken: string;
    };
    assert.equal((await send(`${api}/unsubscribe`, { token: manageToken })).status, 200);
    assert.equal((await send(`${api}/preferences`, { token: fromMail })).status, 404, 'revoked');
    const kept = await send(`${api}/preferences`, { token: manageToken });
    assert.equal((kept.body as { preferences: Prefs }).preferences.status, 'unsubscribed');
    // The unsubscribe mail links to that same token, to show the state and offer to subscribe again.
    const goodbye = mailsTo('revoke@example.org').find((m) => /afgemeld/.test(m.headers));
    assert.equal(linkToken(goodbye?.text ?? '', 'manage'), manageToken);
    assert.equal(linkToken(goodbye?.text ?? '', 'unsubscribe'), undefined);
  });

  it('deletes tokens that expired over 30 days ago whenever it writes new ones', async () => {
    await send(`${api}/subscribe`, subscription('stale@example.org'));
    const db = new Database(join(server.dataDir, 'privacy-kit.sqlite'));
    db.prepare(
      `UPDATE subscriber_tokens SET expires_at = ? WHERE subscriber_id = (SELECT id FROM subscribers WHERE email = ?)`,
    ).run(new Date(Date.now() - 31 * 86_400_000).toISOString(), 'stale@example.org');
    db.close();
    assert.equal(tokensOf('stale@example.org').length, 2);
    await send(`${api}/subscribe`, subscription('someone-else@example.org'));
    assert.deepEqual(tokensOf('stale@example.org'), []);
  });

  it('a confirmation token cannot be used as a manage token, nor the reverse', async () => {
    await send(`${api}/subscribe`, subscription('kinds@example.org'));
    const mail = mailsTo('kinds@example.org')[0]?.text ?? '';
    assert.equal((await send(`${api}/preferences`, { token: linkToken(mail, 'confirm') })).status, 404);
    assert.equal((await send(`${api}/confirm`, { token: linkToken(mail, 'unsubscribe') })).status, 404);
  });

  it('stores proof of every change (time, revision, method, consent id) and only token hashes', async () => {
    const consentId = '0f8a4c4e-2b1d-4c3e-9a5f-6d7e8f9a0b1c';
    await send(`${api}/subscribe`, subscription('proof@example.org'));
    const mail = mailsTo('proof@example.org')[0]?.text ?? '';
    const confirmToken = linkToken(mail, 'confirm') ?? '';
    const { manageToken } = (await send(`${api}/confirm`, { token: confirmToken, consentId })).body as {
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
    assert.deepEqual(JSON.parse(events[1]?.detail ?? ''), { consentId });
    assert.deepEqual(JSON.parse(events[2]?.detail ?? ''), { objectResearch: true, consentId });
    const hashes = stored.map((t) => t.token_hash);
    assert.ok(!hashes.includes(confirmToken) && !hashes.includes(manageToken), 'tokens are stored hashed');
  });

  it("keeps the visitor's consent id with the proof of an unsubscription", async () => {
    const consentId = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
    await send(`${api}/subscribe`, subscription('leaver@example.org'));
    const confirmToken = linkToken(mailsTo('leaver@example.org')[0]?.text ?? '', 'confirm') ?? '';
    const { manageToken } = (await send(`${api}/confirm`, { token: confirmToken })).body as {
      manageToken: string;
    };
    assert.equal((await send(`${api}/unsubscribe`, { token: manageToken, consentId })).status, 200);
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

  it('writes English mails with links to the English page for language "en-GB"', async () => {
    await send(`${api}/subscribe`, subscription('english@example.org', { language: 'en-GB' }));
    const [mail] = mailsTo('english@example.org');
    assert.match(mail?.headers ?? '', /Subject: Please confirm/);
    assert.match(mail?.text ?? '', /https:\/\/www\.example\.org\/en\/nieuwsbrief\.html\?token=/);
  });

  it('validates newsletter bodies and names the field', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['subscribe', subscription('not-an-address'), 'email'],
      ['subscribe', subscription('a@example.org', { measureOpens: 'yes' }), 'measureOpens'],
      ['subscribe', subscription('a@example.org', { newsletterId: 3 }), 'newsletterId'],
      ['subscribe', { email: 'a@example.org' }, 'consentText'],
      ['confirm', { token: 42 }, 'token'],
      ['unsubscribe', { token: 'x'.repeat(43), reason: 'spam' }, 'reason'],
    ];
    for (const [path, body, field] of cases) {
      const response = await send(`${api}/${path}`, body);
      assert.equal(response.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.ok(field in (response.body as { fields: Record<string, string> }).fields, field);
    }
  });

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
      'measureOpens',
      'objectMarketing',
      'objectResearch',
      'revision',
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
      /^email,measureOpens,objectMarketing,objectResearch,confirmedAt,revision,language\r\n/,
    );
    assert.match(csv.text, /\r\nproof@example\.org,true,false,true,/);
  });
});

describe('newsletter requests from other websites', () => {
  // A form or fetch() on any site may send these types cross-origin without a CORS preflight.
  const simpleTypes = ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded'];

  it('refuses preflight-free content types with 415, so CORS decides who may call', async () => {
    for (const path of ['subscribe', 'resend', 'confirm', 'preferences', 'unsubscribe']) {
      for (const type of simpleTypes) {
        const body =
          path === 'subscribe' ? subscription('cross-site@example.org') : { token: 'x'.repeat(43) };
        const response = await send(`${api}/${path}`, body, { headers: { 'content-type': type } });
        assert.equal(response.status, 415, `${path} as ${type}`);
        assert.equal((response.body as { error: string }).error, 'unsupported_media_type');
      }
    }
    assert.deepEqual(mailsTo('cross-site@example.org'), [], 'no mail was sent');
  });

  it('still accepts text/plain for consent receipts (sendBeacon)', async () => {
    const response = await send(`${server.url}/api/consent/receipts`, makeReceipt(), {
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    assert.equal(response.status, 201);
  });
});

describe('mail links without PUBLIC_URL', () => {
  it('point to the port the server really listens on, also with PORT=0', async () => {
    const local = await startServer({ PORT: '0' });
    try {
      await send(`${local.url}/api/newsletter/subscribe`, subscription('port@example.org'));
      const [mail] = readOutbox(join(local.dataDir, 'outbox'));
      const port = new URL(local.url).port;
      assert.notEqual(port, '0');
      assert.match(mail?.text ?? '', new RegExp(`http://localhost:${port}/nieuwsbrief\\.html\\?token=`));
      assert.doesNotMatch(mail?.text ?? '', /localhost:0\//);
    } finally {
      await local.stop();
      removeDir(local.dataDir);
    }
  });
});

describe('newsletter when mail cannot be sent', () => {
  it('answers 503 unavailable with Retry-After, so the form can say "try again"', async () => {
    // The outbox cannot be created inside a regular file: every send fails.
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const broken = await startServer({ OUTBOX_DIR: join(file, 'outbox') });
    try {
      const response = await send(
        `${broken.url}/api/newsletter/subscribe`,
        subscription('nomail@example.org'),
      );
      assert.equal(response.status, 503);
      assert.equal((response.body as { error: string }).error, 'unavailable');
      assert.equal(response.headers.get('retry-after'), '60');
      assert.doesNotMatch(JSON.stringify(response.body), /ENOTDIR|a-file/, 'no internal detail leaks');
    } finally {
      await broken.stop();
      removeDir(broken.dataDir);
      removeDir(dir);
    }
  });
});
