// "Send the e-mail again" must not tell, by how long its answer takes, whether an address has a
// pending subscription: the answer comes before any lookup or mail, the mail follows, failures
// are logged, and shutdown waits for mails still on their way.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { linkToken } from './helpers.js';
import { type InProcessApp, inProcessApp, newsletterServiceOnDisk } from './in-process.js';

const subscription = {
  email: 'slow@example.org',
  revision: '2018-06-18',
  consentText: 'Ja, stuur mij de maandelijkse nieuwsbrief.',
  measureOpens: false,
};

describe('resend', () => {
  let app: InProcessApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  // Without the fix the answer waits for the held mail, and the test times out.
  it(
    'answers a pending address before its mail is sent, like any other address',
    { timeout: 10_000 },
    async () => {
      app = await inProcessApp({ MAIL_MIN_INTERVAL_SECONDS: '0' });
      await app.app.inject({ method: 'POST', url: '/api/newsletter/subscribe', payload: subscription });
      assert.equal(app.mailer.to('slow@example.org').length, 1);
      // An SMTP server that takes its time: the mail is not sent until released.
      app.mailer.hold();
      const answers = [];
      for (const email of ['slow@example.org', 'unknown@example.org']) {
        const response = await app.app.inject({
          method: 'POST',
          url: '/api/newsletter/resend',
          payload: { email },
        });
        answers.push([response.statusCode, response.body]);
      }
      assert.deepEqual(answers, [
        [202, '{"status":"pending"}'],
        [202, '{"status":"pending"}'],
      ]);
      assert.equal(app.mailer.to('slow@example.org').length, 1, 'the second mail is still on its way');
      app.mailer.release();
      // Shutting down waits for it.
      await app.app.close();
      assert.equal(app.mailer.to('slow@example.org').length, 2);
      assert.equal(app.mailer.to('unknown@example.org').length, 0);
    },
  );

  it('looks nothing up before its answer is out (SQLite queries run synchronously)', async () => {
    const lookups: string[] = [];
    const { service, close } = newsletterServiceOnDisk('resend.sqlite', (storage) => ({
      ...storage,
      findSubscriberByEmail: (email) => {
        lookups.push(email);
        return storage.findSubscriberByEmail(email);
      },
    }));
    try {
      assert.deepEqual(await service.resend('slow@example.org'), { ok: true, value: undefined });
      assert.deepEqual(lookups, [], 'answered first');
      await service.drain();
      assert.deepEqual(lookups, ['slow@example.org']);
    } finally {
      await close();
    }
  });

  it('mails only a pending address: not one already confirmed, nor one that has left', async () => {
    const { service, mailer, close } = newsletterServiceOnDisk('resend.sqlite');
    try {
      await service.subscribe(subscription);
      const confirmed = await service.confirm(linkToken(mailer.sent[0]?.text ?? '', 'confirm') ?? '');
      assert.ok(confirmed.ok);
      await service.resend('slow@example.org');
      await service.drain();
      assert.equal(mailer.sent.length, 1, 'confirmed: no new confirmation link');
      await service.unsubscribe(confirmed.value.manageToken);
      await service.resend('slow@example.org');
      await service.drain();
      assert.deepEqual(
        mailer.sent.map((mail) => mail.subject),
        ['Bevestig uw aanmelding voor de nieuwsbrief', 'U bent afgemeld voor de nieuwsbrief'],
        'unsubscribed: only the goodbye',
      );
    } finally {
      await close();
    }
  });

  it('logs a mail that could not be sent, and one that could not even be looked up', async () => {
    const { service, storage, mailer, logged, close } = newsletterServiceOnDisk('resend.sqlite');
    try {
      await service.subscribe(subscription);
      mailer.failWith = new Error('SMTP said no');
      assert.deepEqual(await service.resend('slow@example.org'), { ok: true, value: undefined });
      await service.drain();
      assert.deepEqual(logged, ['newsletter: the confirmation mail could not be sent']);
      await storage.close();
      assert.deepEqual(await service.resend('slow@example.org'), { ok: true, value: undefined });
      await service.drain();
      assert.equal(logged.length, 2);
      assert.match(logged[1] ?? '', /resend failed/);
    } finally {
      await close();
    }
  });
});
