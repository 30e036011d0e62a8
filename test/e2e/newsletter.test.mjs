// The newsletter from outside, end to end: a CMS page (loader + inline config + a bare
// <privacy-newsletter>) in Chromium, the real reference server (Fastify, SQLite, mail outbox) on
// another origin, and the links in the mails it writes. Nothing is faked.
//
// The element is bundled from source with esbuild: the script-tag UI bundle does not load
// <privacy-newsletter> lazily yet (src/ui.ts), and this test is about the element and the server.
// The loader comes from dist/ when built, else from source too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { CONFIG, DIST, launchBrowser, newContext, openPage, page, startServer } from './harness.mjs';

const root = new URL('../..', import.meta.url).pathname;
const EXPORT_TOKEN = 'e2e-export-token-0123456789';

let site;
let api;
let browser;
let dataDir;

/** The reference server on a free port; resolves with its origin once it listens. */
function startApi(env) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ origin: match[1], stop: () => child.kill('SIGTERM'), output: () => output });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`reference server exited (${code}):\n${output}`)));
  });
}

/** Mails in the outbox, oldest first, with quoted-printable soft breaks undone. */
function mails() {
  const dir = join(dataDir, 'outbox');
  let files = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort();
  } catch {
    return [];
  }
  return files.map((f) =>
    readFileSync(join(dir, f), 'utf8')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
  );
}

/** The link in the newest mail to `to` whose action is `action`. */
function linkIn(to, action) {
  const mail =
    mails()
      .filter((m) => m.includes(to))
      .at(-1) ?? '';
  for (const [href] of mail.matchAll(/https?:\/\/\S+/g)) {
    if (new URL(href).searchParams.get('action') === action) return href;
  }
  throw new Error(`no ${action} link in the mail to ${to}:\n${mail}`);
}

async function subscribers() {
  const res = await fetch(`${api.origin}/api/newsletter/subscribers`, {
    headers: { Authorization: `Bearer ${EXPORT_TOKEN}` },
  });
  return (await res.json()).subscribers;
}

before(async () => {
  site = await startServer();
  dataDir = mkdtempSync(join(tmpdir(), 'privacy-kit-newsletter-e2e-'));
  api = await startApi({
    DATA_DIR: dataDir,
    PUBLIC_URL: site.origin(),
    CORS_ORIGINS: site.origin(),
    PRIVACY_KIT_EXPORT_TOKEN: EXPORT_TOKEN,
    RATE_LIMIT_MAX: '100000',
    MAIL_RATE_LIMIT_PER_HOUR: '100000',
  });
  const bundle = (entry, format) =>
    build({
      entryPoints: [join(root, entry)],
      bundle: true,
      format,
      target: 'es2022',
      write: false,
      tsconfig: join(root, 'tsconfig.json'),
    }).then((b) => ({ body: b.outputFiles[0].text, headers: { 'content-type': 'text/javascript' } }));
  site.pages.set('/newsletter-element.js', await bundle('src/elements/privacy-newsletter/index.ts', 'esm'));
  // The built loader when there is one (npm test builds dist/ first), else the same from source.
  if (!existsSync(join(DIST, 'privacy-kit.js')))
    site.pages.set('/privacy-kit/privacy-kit.js', await bundle('src/loader.ts', 'iife'));
  const config = { ...CONFIG, newsletter: { endpoint: `${api.origin}/api/newsletter` } };
  // What a CMS editor pastes: the loader with the site config, and one bare element.
  page(
    site,
    '/nieuwsbrief.html',
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Nieuwsbrief</title>
    <script type="application/json" id="privacy-kit-config">${JSON.stringify(config)}</script>
    <script src="/privacy-kit/privacy-kit.js"></script>
    <script type="module" src="/newsletter-element.js"></script>
    </head><body><main><h1>Nieuwsbrief</h1><privacy-newsletter></privacy-newsletter></main></body></html>`,
  );
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  api?.stop();
  await site?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function open(url) {
  const ctx = await newContext(browser);
  const { page: tab, pageErrors } = await openPage(ctx.context);
  await tab.goto(url);
  await tab.evaluate(() => window.privacyKit.ready);
  // Decide on cookies first, so the banner is gone and the visitor has a consent id.
  const consentId = await tab.evaluate(() => window.privacyKit.acceptAll().id);
  return { ...ctx, tab, pageErrors, consentId };
}

const heading = (tab) => tab.locator('privacy-newsletter [part="heading"]');

describe('newsletter: page, reference server and mails', () => {
  it('subscribe → mail in the outbox → its link → tracking off on the manage page → unsubscribe, each step proven in the database', async () => {
    const startedAt = new Date().toISOString();
    const { context, tab, pageErrors, blocked, consentId } = await open(`${site.origin()}/nieuwsbrief.html`);

    // Subscribe, allowing open/click measurement (tracking) for now.
    await tab.locator('privacy-newsletter [part="email-input"]').fill('lezer@example.org');
    await tab.locator('privacy-newsletter [part="consent-checkbox"]').check();
    await tab.locator('privacy-newsletter [part="measure-checkbox"]').check();
    await tab.locator('privacy-newsletter [part="submit-button"]').click();
    await heading(tab).filter({ hasText: 'Kijk in uw mailbox' }).waitFor();
    assert.ok(consentId, 'the visitor has a consent id');

    // The confirmation mail is in the outbox; its link lands on the newsletter page, where a press
    // confirms (opening the link alone, as a mail scanner does, confirms nothing).
    const confirmUrl = linkIn('lezer@example.org', 'confirm');
    assert.ok(confirmUrl.startsWith(`${site.origin()}/nieuwsbrief.html?`), confirmUrl);
    await tab.goto(confirmUrl);
    await heading(tab).filter({ hasText: 'Bevestig uw aanmelding' }).waitFor();
    assert.equal((await subscribers()).length, 0, 'not confirmed by opening the link');
    await tab.locator('privacy-newsletter [part="confirm-button"]').click();
    await heading(tab).filter({ hasText: 'Uw aanmelding is bevestigd' }).waitFor();
    assert.ok(!tab.url().includes('token='), `the token left the address bar: ${tab.url()}`);
    assert.match(
      await tab.locator('privacy-newsletter [part="subscriber"]').innerText(),
      /l\*+@example\.org/,
    );
    let [row] = await subscribers();
    assert.equal(row.email, 'lezer@example.org');
    assert.equal(row.measureOpens, true);

    // The manage page turns tracking off.
    const tracking = tab.locator('privacy-newsletter [data-preference="measureOpens"]');
    assert.equal(await tracking.isChecked(), true);
    await tracking.uncheck();
    await tab.locator('privacy-newsletter [part="status"]').filter({ hasText: 'opgeslagen' }).waitFor();
    [row] = await subscribers();
    assert.equal(row.measureOpens, false, 'the mailing tool is told: no open/click measurement');

    // A reload keeps the settings (the manage token is kept for this tab, not in the address).
    await tab.reload();
    await heading(tab).filter({ hasText: 'Uw nieuwsbrief-instellingen' }).waitFor();
    assert.equal(await tracking.isChecked(), false);

    await tab.locator('privacy-newsletter [part="unsubscribe-button"]').click();
    await heading(tab).filter({ hasText: 'U bent afgemeld' }).waitFor();
    assert.deepEqual(await subscribers(), []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(blocked, []);
    await context.close();

    // The database holds proof of each step: when, under which text revision, and how.
    const db = new Database(join(dataDir, 'privacy-kit.sqlite'), { readonly: true });
    const subscriber = db.prepare('SELECT * FROM subscribers WHERE email = ?').get('lezer@example.org');
    const events = db
      .prepare(
        'SELECT at, action, revision, method, detail FROM subscriber_events WHERE subscriber_id = ? ORDER BY at, rowid',
      )
      .all(subscriber.id);
    db.close();
    assert.deepEqual(
      events.map((e) => [e.action, e.revision, e.method]),
      [
        ['subscribe', '2018-06-18', 'web-form'],
        ['confirm', '2018-06-18', 'confirm-link'],
        ['update', '2018-06-18', 'manage-link'],
        ['unsubscribe', '2018-06-18', 'manage-link'],
      ],
    );
    const finishedAt = new Date().toISOString();
    for (const [i, event] of events.entries()) {
      assert.match(event.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'time in UTC');
      assert.ok(event.at >= startedAt && event.at <= finishedAt, `${event.action} at ${event.at}`);
      if (i > 0) assert.ok(event.at >= events[i - 1].at, 'in the order they happened');
    }
    const [subscribed, confirmed, updated, unsubscribed] = events.map((e) => JSON.parse(e.detail));
    // The exact wording the visitor ticked, their measurement choice and their consent id.
    assert.deepEqual(subscribed, {
      consentText:
        'Ja, ik wil de maandelijkse digitale nieuwsbrief ontvangen. Ik weet dat ik mij op elk moment weer kan afmelden.',
      measureOpens: true,
      consentId,
    });
    // Every later step carries the same visitor's consent id too.
    assert.deepEqual(confirmed, { consentId });
    assert.deepEqual(updated, { measureOpens: false, consentId });
    assert.deepEqual(unsubscribed, { previousStatus: 'confirmed', consentId });
    assert.deepEqual(
      [subscriber.status, subscriber.measure_opens, subscriber.unsubscribed_at, subscriber.confirmed_at],
      ['unsubscribed', 0, events[3].at, events[1].at],
    );
  });

  it('unsubscribes from the link in the mail without a question, and an expired-looking link offers to subscribe again', async () => {
    const { context, tab } = await open(`${site.origin()}/nieuwsbrief.html`);
    await tab.locator('privacy-newsletter [part="email-input"]').fill('tweede@example.org');
    await tab.locator('privacy-newsletter [part="consent-checkbox"]').check();
    await tab.locator('privacy-newsletter [part="measure-checkbox"]').check();
    await tab.keyboard.press('Enter');
    await heading(tab).filter({ hasText: 'Kijk in uw mailbox' }).waitFor();

    await tab.goto(linkIn('tweede@example.org', 'confirm'));
    await tab.locator('privacy-newsletter [part="confirm-button"]').click();
    await heading(tab).filter({ hasText: 'bevestigd' }).waitFor();
    const [row] = (await subscribers()).filter((s) => s.email === 'tweede@example.org');
    assert.equal(row.measureOpens, true);

    await tab.goto(linkIn('tweede@example.org', 'unsubscribe'));
    await heading(tab).filter({ hasText: 'U bent afgemeld' }).waitFor();
    assert.deepEqual(
      (await subscribers()).filter((s) => s.email === 'tweede@example.org'),
      [],
    );

    await tab.goto(`${site.origin()}/nieuwsbrief.html?token=${'x'.repeat(43)}&action=confirm`);
    await tab.locator('privacy-newsletter [part="confirm-button"]').click();
    await heading(tab).filter({ hasText: 'Deze link werkt niet (meer)' }).waitFor();
    await tab.locator('privacy-newsletter [part="resubscribe-button"]').click();
    await heading(tab).filter({ hasText: 'Aanmelden voor de nieuwsbrief' }).waitFor();
    await context.close();
  });

  it('answers a second subscription of a known address exactly like the first (no leak)', async () => {
    // A confirmed subscriber, signed up outside the page.
    const post = (path, body) =>
      fetch(`${api.origin}/api/newsletter${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('/subscribe', {
      email: 'bekend@example.org',
      revision: '2018-06-18',
      consentText: 'Ja',
      measureOpens: false,
    });
    const token = new URL(linkIn('bekend@example.org', 'confirm')).searchParams.get('token');
    assert.equal((await post('/confirm', { token })).status, 200);
    assert.ok((await subscribers()).some((s) => s.email === 'bekend@example.org'));

    const texts = [];
    for (const address of ['bekend@example.org', 'onbekend@example.org']) {
      const { context, tab } = await open(`${site.origin()}/nieuwsbrief.html`);
      await tab.locator('privacy-newsletter [part="email-input"]').fill(address);
      await tab.locator('privacy-newsletter [part="consent-checkbox"]').check();
      await tab.locator('privacy-newsletter [part="submit-button"]').click();
      await heading(tab).filter({ hasText: 'Kijk in uw mailbox' }).waitFor();
      texts.push(
        (await tab.locator('privacy-newsletter [part="panel"]').innerText()).replace(address, 'ADDRESS'),
      );
      await context.close();
    }
    assert.equal(texts[0], texts[1]);
  });
});
