// The "you have been unsubscribed" mail follows the answer: a slow mail relay must not make the
// visitor's unsubscribe time out when it is already stored, and shutdown still waits for the mail.
// Only the unsubscription that ends the subscription sends it, also when two arrive at once.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { linkToken } from './helpers.js';
import { type InProcessApp, inProcessApp, newsletterServiceOnDisk } from './in-process.js';

describe('the unsubscribe mail', () => {
  let app: InProcessApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function subscribed(current: InProcessApp, email: string): Promise<string> {
    const post = (path: string, payload: object) =>
      current.app.inject({ method: 'POST', url: `/api/newsletter/${path}`, payload });
    await post('subscribe', {
      email,
      revision: '2018-06-18',
      consentText: 'Ja, stuur mij de maandelijkse nieuwsbrief.',
      measureOpens: false,
    });
    const confirmToken = linkToken(current.mailer.to(email)[0]?.text ?? '', 'confirm');
    const confirmed = await post('confirm', { token: confirmToken });
    return (confirmed.json() as { manageToken: string }).manageToken;
  }

  // Without the fix the answer waits for the held mail, and the test times out.
  it('is sent after the answer, and shutdown waits for it', { timeout: 10_000 }, async () => {
    app = await inProcessApp();
    const token = await subscribed(app, 'slow-bye@example.org');
    app.mailer.hold();
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/newsletter/unsubscribe',
      payload: { token },
    });
    assert.equal(response.statusCode, 200);
    assert.equal((response.json() as { preferences: { status: string } }).preferences.status, 'unsubscribed');
    assert.equal(app.mailer.to('slow-bye@example.org').length, 1, 'only the confirmation mail so far');
    // Unsubscribing again answers the same and sends no second mail (counted once all are sent).
    const again = await app.app.inject({
      method: 'POST',
      url: '/api/newsletter/unsubscribe',
      payload: { token },
    });
    assert.equal(again.statusCode, 200);
    const closing = app.app.close();
    app.mailer.release();
    await closing;
    const mails = app.mailer.to('slow-bye@example.org');
    assert.equal(mails.length, 2);
    assert.match(mails[1]?.subject ?? '', /afgemeld/);
  });

  it('a failure to send it is logged; the unsubscription stands', async () => {
    const { service, storage, mailer, logged, close } = newsletterServiceOnDisk('bye.sqlite');
    try {
      await service.subscribe({
        email: 'no-bye@example.org',
        revision: 'r',
        consentText: 'Ja',
        measureOpens: false,
      });
      const confirmed = await service.confirm(linkToken(mailer.sent[0]?.text ?? '', 'confirm') ?? '');
      assert.ok(confirmed.ok);
      mailer.failWith = new Error('SMTP relay down');
      const gone = await service.unsubscribe(confirmed.value.manageToken);
      assert.equal(gone.ok && gone.value.preferences.status, 'unsubscribed');
      await service.drain();
      assert.deepEqual(logged, ['newsletter: the unsubscribe mail could not be sent']);
      assert.equal((await storage.findSubscriberByEmail('no-bye@example.org'))?.status, 'unsubscribed');
    } finally {
      await close();
    }
  });

  it('two unsubscribes at once (the page and the mail client’s one-click) send one mail and one proof of leaving', async () => {
    const { service, storage, mailer, close } = newsletterServiceOnDisk('twice-bye.sqlite');
    try {
      await service.subscribe({
        email: 'both@example.org',
        revision: 'r',
        consentText: 'Ja',
        measureOpens: false,
      });
      const confirmed = await service.confirm(linkToken(mailer.sent[0]?.text ?? '', 'confirm') ?? '');
      assert.ok(confirmed.ok);
      const token = confirmed.value.manageToken;
      const answers = await Promise.all([
        service.unsubscribe(token),
        service.unsubscribe(token, { method: 'one-click' }),
      ]);
      for (const answer of answers)
        assert.equal(answer.ok && answer.value.preferences.status, 'unsubscribed');
      await service.drain();
      assert.equal(mailer.to('both@example.org').filter((m) => /afgemeld/.test(m.subject)).length, 1);
      const subscriber = await storage.findSubscriberByEmail('both@example.org');
      const left = (await storage.listSubscriberEvents(subscriber?.id ?? ''))
        .filter((e) => e.action === 'unsubscribe')
        .map((e) => e.detail.previousStatus);
      assert.deepEqual(left, ['confirmed', 'unsubscribed'], 'one of them ended the subscription');
    } finally {
      await close();
    }
  });
});
