// The links in newsletter mails: unknown and expired tokens, a confirmation link used once,
// manage links that last a year, revoked on unsubscribing, old tokens cleaned up, and each kind of
// token good only for its own action.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { linkToken, send, waitForMails } from './helpers.js';
import { newsletterServiceOnDisk } from './in-process.js';
import {
  type Prefs,
  api,
  mailsTo,
  outbox,
  server,
  subscription,
  tokensOf,
  useNewsletterServer,
} from './newsletter-server.js';

useNewsletterServer();

describe('newsletter links', () => {
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
    const [goodbye] = await waitForMails(
      outbox,
      (m) => /^To: revoke@example\.org$/m.test(m.headers) && /afgemeld/.test(m.headers),
      1,
    );
    assert.equal(linkToken(goodbye?.text ?? '', 'manage'), manageToken);
    assert.equal(linkToken(goodbye?.text ?? '', 'unsubscribe'), undefined);
  });

  it('deletes tokens that expired over 30 days ago whenever it writes new ones', async () => {
    await send(`${api}/subscribe`, subscription('stale@example.org'));
    await send(`${api}/subscribe`, subscription('recent@example.org'));
    const recentLink = linkToken(mailsTo('recent@example.org')[0]?.text ?? '', 'confirm');
    const db = new Database(join(server.dataDir, 'privacy-kit.sqlite'));
    const expire = db.prepare(
      `UPDATE subscriber_tokens SET expires_at = ? WHERE subscriber_id = (SELECT id FROM subscribers WHERE email = ?)`,
    );
    expire.run(new Date(Date.now() - 31 * 86_400_000).toISOString(), 'stale@example.org');
    expire.run(new Date(Date.now() - 86_400_000).toISOString(), 'recent@example.org');
    db.close();
    assert.equal(tokensOf('stale@example.org').length, 2);
    await send(`${api}/subscribe`, subscription('someone-else@example.org'));
    assert.deepEqual(tokensOf('stale@example.org'), []);
    // Expired only yesterday: kept, so the link still says "expired" rather than "unknown".
    assert.equal(tokensOf('recent@example.org').length, 2);
    assert.equal((await send(`${api}/confirm`, { token: recentLink })).status, 410);
  });

  it('a confirmation link works for 48 hours', async () => {
    await send(`${api}/subscribe`, subscription('two-days@example.org'));
    const [confirm, ...others] = tokensOf('two-days@example.org').filter((t) => t.kind === 'confirm');
    assert.equal(others.length, 0);
    assert.equal(
      Date.parse(confirm?.expires_at ?? '') - Date.parse(confirm?.created_at ?? ''),
      48 * 3_600_000,
    );
  });

  it('of two clicks on one confirmation link at once, one confirms and the other finds it used up', async () => {
    const { service, mailer, close } = newsletterServiceOnDisk('double-click.sqlite');
    try {
      await service.subscribe(subscription('double@example.org'));
      const token = linkToken(mailer.sent[0]?.text ?? '', 'confirm') ?? '';
      // Both find the token before either uses it up.
      const answers = await Promise.all([service.confirm(token), service.confirm(token)]);
      assert.deepEqual(answers.map((a) => (a.ok ? 'confirmed' : a.error)).sort(), ['confirmed', 'not_found']);
    } finally {
      await close();
    }
  });

  it('a confirmation token cannot be used as a manage token, nor the reverse', async () => {
    await send(`${api}/subscribe`, subscription('kinds@example.org'));
    const mail = mailsTo('kinds@example.org')[0]?.text ?? '';
    assert.equal((await send(`${api}/preferences`, { token: linkToken(mail, 'confirm') })).status, 404);
    assert.equal((await send(`${api}/confirm`, { token: linkToken(mail, 'unsubscribe') })).status, 404);
  });
});
