// The limit on confirmation mails per address, as a visitor (or someone abusing the form) meets
// it: at most one mail a minute and five a day per address, counted in the database so that it
// holds across server instances, and never visible in the answer.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { type InProcessApp, inProcessApp } from './in-process.js';

const subscription = (email: string) => ({
  email,
  revision: '2018-06-18',
  consentText: 'Ja, stuur mij de maandelijkse nieuwsbrief.',
  measureOpens: false,
});

async function post(app: InProcessApp, path: string, payload: Record<string, unknown>) {
  const response = await app.app.inject({ method: 'POST', url: `/api/newsletter/${path}`, payload });
  return { status: response.statusCode, body: response.body };
}

const later = (app: InProcessApp, seconds: number): void => {
  app.clock.now = new Date(app.clock.now.getTime() + seconds * 1000);
};

describe('mail limit per address', () => {
  const apps: InProcessApp[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0).reverse()) await app.close();
  });
  const start = async (file?: string): Promise<InProcessApp> => {
    const app = await inProcessApp({}, file);
    app.clock.now = new Date('2026-06-01T08:00:00.000Z');
    apps.push(app);
    return app;
  };

  it('sends one mail per minute however often the form is sent, with the same answer each time', async () => {
    const app = await start();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post(app, 'subscribe', subscription('flood@example.org')));
    answers.push(await post(app, 'resend', { email: 'flood@example.org' }));
    assert.equal(app.mailer.to('flood@example.org').length, 1);
    for (const answer of answers) assert.deepEqual(answer, { status: 202, body: '{"status":"pending"}' });
    later(app, 60);
    await post(app, 'resend', { email: 'flood@example.org' });
    assert.equal(app.mailer.to('flood@example.org').length, 2, 'a minute later the next one goes');
  });

  it('sends at most five a day to one address, and more again the next day', async () => {
    const app = await start();
    for (let i = 0; i < 8; i++) {
      await post(app, 'subscribe', subscription('daily@example.org'));
      later(app, 61);
    }
    assert.equal(app.mailer.to('daily@example.org').length, 5);
    assert.equal((await post(app, 'subscribe', subscription('other@example.org'))).status, 202);
    assert.equal(app.mailer.to('other@example.org').length, 1, 'other addresses are not affected');
    app.clock.now = new Date('2026-06-02T00:00:00.000Z');
    await post(app, 'subscribe', subscription('daily@example.org'));
    assert.equal(app.mailer.to('daily@example.org').length, 6);
  });

  it('a mail that could not be sent does not count: the retry after the 503 sends it', async () => {
    const app = await start();
    app.mailer.failWith = new Error('SMTP relay down');
    const failed = await post(app, 'subscribe', subscription('retry@example.org'));
    assert.equal(failed.status, 503);
    app.mailer.failWith = undefined;
    later(app, 5);
    assert.equal((await post(app, 'subscribe', subscription('retry@example.org'))).status, 202);
    assert.equal(app.mailer.to('retry@example.org').length, 1, 'sent, not held back by the limit');
  });

  it('holds across instances: two servers on one database share the count', async () => {
    const first = await start();
    const second = await start(first.file);
    second.clock.now = new Date(first.clock.now.getTime() + 10_000);
    await post(first, 'subscribe', subscription('twice@example.org'));
    await post(second, 'subscribe', subscription('twice@example.org'));
    await post(second, 'resend', { email: 'twice@example.org' });
    const mails = () =>
      first.mailer.to('twice@example.org').length + second.mailer.to('twice@example.org').length;
    assert.equal(mails(), 1);
    later(second, 60);
    await post(second, 'resend', { email: 'twice@example.org' });
    assert.equal(mails(), 2);
  });
});
