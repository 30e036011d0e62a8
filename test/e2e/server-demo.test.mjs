// The whole product, end to end: the reference server (real process, real SQLite) serving the demo
// site and the built library; Chromium visits as a site visitor would. Accepting and refusing in
// the banner each leave a receipt in the server's database (read back through the staff export);
// the newsletter goes from the form to the mail to the confirm link. Google's and Adobe's hosts
// are answered with empty scripts; nothing leaves 127.0.0.1.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../scripts/chrome.mjs';

const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

const root = new URL('../..', import.meta.url).pathname;
const TOKEN = 'e2e-export-token-0123456789';
const VENDOR =
  /(^|\.)(googletagmanager\.com|google-analytics\.com|adobedtm\.com|omtrdc\.net|adobedc\.net|demdex\.net)$/;

let server;
let browser;

function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'privacy-kit-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PRIVACY_KIT_EXPORT_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, dataDir, child });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
}

/** A visitor: a fresh context whose vendor requests are faked and counted, all else off-box aborted. */
async function visitor(contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const vendorRequests = [];
  const escaped = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:')
      return route.continue();
    if (VENDOR.test(url.hostname)) {
      vendorRequests.push(url.href);
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    }
    escaped.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  const cspViolations = [];
  page.on(
    'console',
    (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()),
  );
  return { context, page, vendorRequests, escaped, cspViolations };
}

async function exportReceipts(consentId) {
  const response = await fetch(`${server.url}/api/consent/receipts?consentId=${consentId}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(response.status, 200);
  return (await response.json()).receipts;
}

/** Waits for the receipt POST that a click causes, and checks the server stored it. */
function receiptPosted(page) {
  return page.waitForResponse(
    (r) => r.url().endsWith('/api/consent/receipts') && r.request().method() === 'POST',
    { timeout: 15_000 },
  );
}

before(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
});

after(async () => {
  await browser?.close();
  if (server) {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(server.dataDir, { recursive: true, force: true });
  }
});

describe('demo site on the reference server', () => {
  it('"Accept all" in the banner loads GA/Adobe and stores a receipt on the server', async () => {
    const v = await visitor();
    await v.page.goto(`${server.url}/`);
    const accept = v.page.locator('privacy-banner [part~="accept-button"]');
    await accept.waitFor({ state: 'visible', timeout: 15_000 });
    assert.deepEqual(v.vendorRequests, [], 'nothing from Google or Adobe before a decision');

    const posted = receiptPosted(v.page);
    await accept.click();
    const response = await posted;
    assert.ok([200, 201].includes(response.status()), `receipt answered ${response.status()}`);

    const consentId = await v.page.evaluate(() => window.privacyKit.getConsent()?.id);
    assert.ok(consentId, 'the page has a consent id');
    const [receipt, ...others] = await exportReceipts(consentId);
    assert.equal(others.length, 0);
    assert.equal(receipt.method, 'banner');
    assert.equal(receipt.revision, '2018-06-18');
    for (const name of ['analytics', 'marketing', 'google-analytics', 'adobe-analytics', 'youtube']) {
      assert.ok(receipt.granted.includes(name), `${name} granted in ${JSON.stringify(receipt)}`);
    }
    assert.ok(!receipt.denied.includes('analytics'));

    await v.page.waitForFunction(
      () => document.querySelector('script[src*="googletagmanager.com/gtag/js"]'),
      null,
      { timeout: 10_000 },
    );
    assert.ok(
      v.vendorRequests.some((u) => u.includes('googletagmanager.com/gtag/js?id=G-DEMO0000')),
      'GA loads after consent',
    );
    assert.ok(
      v.vendorRequests.some((u) => u.includes('assets.adobedtm.com')),
      'Adobe loads after consent',
    );
    assert.deepEqual(v.escaped, [], 'no request left 127.0.0.1 other than the faked vendors');
    await v.context.close();
  });

  it('"Reject all" on a second visitor stores a refusal receipt and loads nothing', async () => {
    const v = await visitor();
    await v.page.goto(`${server.url}/`);
    const reject = v.page.locator('privacy-banner [part~="reject-button"]');
    await reject.waitFor({ state: 'visible', timeout: 15_000 });
    const posted = receiptPosted(v.page);
    await reject.click();
    assert.ok([200, 201].includes((await posted).status()));

    const consentId = await v.page.evaluate(() => window.privacyKit.getConsent()?.id);
    const [receipt] = await exportReceipts(consentId);
    assert.ok(receipt, 'the refusal is on the server');
    for (const name of ['analytics', 'marketing', 'google-analytics', 'adobe-analytics', 'youtube']) {
      assert.ok(receipt.denied.includes(name), `${name} refused in ${JSON.stringify(receipt)}`);
      assert.ok(!receipt.granted.includes(name));
    }
    await v.page.reload();
    await v.page.evaluate(() => window.privacyKit.ready);
    assert.equal(
      await v.page.locator('privacy-banner [part~="reject-button"]').count(),
      0,
      'no banner after the decision',
    );
    assert.deepEqual(v.vendorRequests, [], 'nothing from Google or Adobe after a refusal');
    await v.context.close();
  });

  it('every demo page (nl and en) runs under its strict CSP without violations', async () => {
    const v = await visitor();
    for (const path of [
      '/',
      '/privacyverklaring.html',
      '/nieuwsbrief.html',
      '/video.html',
      '/en/',
      '/en/privacyverklaring.html',
      '/en/nieuwsbrief.html',
      '/en/video.html',
    ]) {
      const response = await v.page.goto(`${server.url}${path}`);
      assert.equal(response.status(), 200, path);
      assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
      await v.page.evaluate(() => window.privacyKit.ready);
      await v.page.locator('privacy-settings-button').first().waitFor({ state: 'attached' });
    }
    // Accepting on a page with an embed activates the gate and the tags, still within the policy.
    await v.page.goto(`${server.url}/video.html`);
    const accept = v.page.locator('privacy-banner [part~="accept-button"]');
    await accept.waitFor({ state: 'visible', timeout: 15_000 });
    await accept.click();
    await v.page
      .locator('privacy-gate iframe[src^="https://www.youtube-nocookie.com/"]')
      .waitFor({ state: 'attached', timeout: 10_000 });
    assert.deepEqual(v.cspViolations, []);
    await v.context.close();
  });

  it('every demo page (nl and en) passes axe (WCAG 2.2 AA), banner included', async () => {
    // bypassCSP only so the test can inject axe; the pages themselves are checked under CSP above.
    const v = await visitor({ bypassCSP: true });
    const pages = [
      '/',
      '/privacyverklaring.html',
      '/nieuwsbrief.html',
      '/video.html',
      '/en/',
      '/en/video.html',
    ];
    for (const [path, colorScheme] of [
      ...pages.map((p) => [p, 'light']),
      ['/', 'dark'],
      ['/video.html', 'dark'],
    ]) {
      await v.page.emulateMedia({ colorScheme });
      await v.page.goto(`${server.url}${path}`);
      await v.page
        .locator('privacy-banner [part~="accept-button"]')
        .waitFor({ state: 'visible', timeout: 15_000 });
      // The banner fades in; axe measuring contrast mid-fade would see a paler button than the visitor does.
      await v.page.evaluate(() =>
        Promise.all(
          document
            .querySelector('privacy-banner')
            .shadowRoot.getAnimations()
            .map((a) => a.finished),
        ),
      );
      await v.page.evaluate(AXE_SOURCE);
      const violations = await v.page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
        });
        return result.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], `${path} (${colorScheme})`);
    }
    await v.context.close();
  });

  it('newsletter: the form sends a mail whose confirm link confirms the subscription', async () => {
    const v = await visitor();
    await v.page.goto(`${server.url}/nieuwsbrief.html`);
    const defined = await v.page
      .waitForFunction(() => customElements.get('privacy-newsletter'), null, { timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    assert.ok(defined, '<privacy-newsletter> is defined by the lazily loaded UI bundle (src/ui.ts)');
    await v.page.locator('privacy-newsletter [part~="email-input"]').fill('lezer@example.org');
    await v.page.locator('privacy-newsletter [part~="consent-checkbox"]').check();
    const subscribed = v.page.waitForResponse((r) => r.url().endsWith('/api/newsletter/subscribe'));
    await v.page.locator('privacy-newsletter [part~="submit-button"]').click();
    assert.equal((await subscribed).status(), 202);

    const outbox = join(server.dataDir, 'outbox');
    const mail = readdirSync(outbox)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(outbox, f), 'utf8'))
      .find((m) => /^To: lezer@example\.org$/m.test(m));
    assert.ok(mail, 'the confirmation mail is in the outbox');
    const body = mail.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = /https?:\/\/\S+action=confirm/.exec(body)?.[0];
    assert.ok(link);
    // PUBLIC_URL defaults to localhost:<port it listens on>; the browser here uses 127.0.0.1.
    const confirmUrl = new URL(link);
    const token = confirmUrl.searchParams.get('token');
    // Analytics accepted first: Google Analytics runs on the page the link opens.
    await v.page.evaluate(() => window.privacyKit.acceptAll());
    const confirmed = v.page.waitForResponse((r) => r.url().endsWith('/api/newsletter/confirm'));
    await v.page.goto(`${server.url}${confirmUrl.pathname}${confirmUrl.search}`);
    await v.page.locator('privacy-newsletter [part="confirm-button"]').click();
    assert.equal((await confirmed).status(), 200);
    await v.page
      .locator('privacy-newsletter [part~="unsubscribe-button"]')
      .waitFor({ state: 'visible', timeout: 10_000 });
    // The secret token reaches neither the address bar nor Google (page_location).
    assert.ok(!v.page.url().includes('token='), v.page.url());
    await v.page.waitForFunction(() => window.dataLayer.some((entry) => entry[0] === 'config'));
    const dataLayer = await v.page.evaluate(() =>
      JSON.stringify(window.dataLayer.map((entry) => Array.from(entry))),
    );
    assert.match(dataLayer, /"page_location":"http:\/\/127\.0\.0\.1:\d+\/nieuwsbrief\.html"/);
    assert.ok(!dataLayer.includes(token), 'no token in anything sent to gtag');

    const exported = await fetch(`${server.url}/api/newsletter/subscribers`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const { subscribers } = await exported.json();
    assert.ok(
      subscribers.some((s) => s.email === 'lezer@example.org'),
      'confirmed subscriber is exported',
    );
    await v.context.close();
  });
});
