// Pages that learn of a decision late or in odd places: a tab on another subdomain sharing the
// cookie (no channel reaches it), a page restored from the back/forward cache, a tag that finished
// loading after the visitor withdrew, a browser without BroadcastChannel meeting another script's
// value, an old cookie for a parent domain, and a sandboxed iframe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../scripts/chrome.mjs';
import {
  CONFIG,
  countRun,
  launchBrowser,
  newContext,
  openPage,
  page,
  sitePage,
  startServer,
} from './harness.mjs';

const SHARED = { ...CONFIG, cookie: { domain: 'site.test' } };
const GA = `<script type="text/plain" data-consent="google-analytics">${countRun('ga')}</script>`;

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page(server, '/shared.html', sitePage({ head: GA, config: SHARED }), {
    'cache-control': 'private, max-age=0',
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(context, url) {
  const opened = await openPage(context);
  await opened.page.goto(url, { waitUntil: 'networkidle' });
  await opened.page.evaluate(() => window.privacyKit.ready);
  return opened;
}

const state = (tab) =>
  tab.evaluate(() => ({
    cookieRefuses: /analytics:0/.test(document.cookie),
    granted: window.privacyKit.isGranted('analytics'),
    gaDisabled: window['ga-disable-G-ABC'] === true,
  }));

/** Counts the page's change events from now on in `window.__changes`, then destroys its privacyKit. */
const destroyCountingChanges = (tab) =>
  tab.evaluate(() => {
    window.__changes = 0;
    window.privacyKit.on('change', () => window.__changes++);
    window.privacyKit.destroy();
  });

/**
 * After a control page has followed a decision: the destroyed page, given 200 ms more, heard of
 * no change and still grants analytics as before (`granted`), without a page error.
 */
async function assertUnchanged(destroyed, granted) {
  await destroyed.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  assert.equal(await destroyed.page.evaluate(() => window.__changes), 0);
  assert.equal(await destroyed.page.evaluate(() => window.privacyKit.isGranted('analytics')), granted);
  assert.deepEqual(destroyed.pageErrors, []);
}

describe('pages that learn of a decision late', () => {
  it('a tab on www follows a refusal made on shop (one cookie for site.test) when the visitor comes back to it', async () => {
    const { context } = await newContext(browser);
    const www = await open(context, server.origin('www.site.test') + '/shared.html');
    await www.page.evaluate(() => window.privacyKit.acceptAll());
    const shop = await open(context, server.origin('shop.site.test') + '/shared.html');
    assert.equal(
      await shop.page.evaluate(() => window.privacyKit.isGranted('analytics')),
      true,
      'the shared decision',
    );
    await shop.page.evaluate(() => window.privacyKit.rejectAll());
    // Headless tabs are always visible: say what a real browser says when the tab is shown again.
    await www.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await www.page.waitForFunction(() => !window.privacyKit.isGranted('analytics'));
    assert.deepEqual(await state(www.page), { cookieRefuses: true, granted: false, gaDisabled: true });
    assert.deepEqual(www.pageErrors, []);
    await context.close();
  });

  it('a page whose privacyKit was destroyed no longer acts on a decision it finds when shown again', async () => {
    const { context } = await newContext(browser);
    const torn = await open(context, server.origin('www.site.test') + '/shared.html');
    await torn.page.evaluate(() => window.privacyKit.acceptAll());
    // The control: the same page, not destroyed, which must follow the refusal.
    const control = await open(context, server.origin('www.site.test') + '/shared.html');
    await destroyCountingChanges(torn.page);
    const shop = await open(context, server.origin('shop.site.test') + '/shared.html');
    await shop.page.evaluate(() => window.privacyKit.rejectAll());
    for (const tab of [torn, control]) {
      await tab.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    }
    await control.page.waitForFunction(() => !window.privacyKit.isGranted('analytics'));
    await assertUnchanged(torn, true);
    await context.close();
  });

  it('a page destroyed while its decision code was still loading does not wake it when it arrives', async () => {
    const { context } = await newContext(browser);
    const origin = server.origin('www.site.test');
    // The control validates the config (so the next page loads the decision code for the banner,
    // not to validate) and must follow the decision below.
    const control = await open(context, origin + '/shared.html');
    const torn = await openPage(context);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await torn.page.route('**/ui/privacy-kit-runtime.js*', (route) => held.then(() => route.continue()));
    await torn.page.goto(origin + '/shared.html', { waitUntil: 'domcontentloaded' });
    await destroyCountingChanges(torn.page);
    release();
    // `ready` waits for the decision code the banner asked for: it has arrived.
    await torn.page.evaluate(() => window.privacyKit.ready);
    const other = await open(context, origin + '/shared.html');
    await other.page.evaluate(() => window.privacyKit.acceptAll());
    await control.page.waitForFunction(() => window.privacyKit.isGranted('analytics'));
    await assertUnchanged(torn, false);
    await context.close();
  });

  it('a page restored from the back/forward cache follows a refusal made on another subdomain meanwhile', async () => {
    // Playwright turns the back/forward cache off by default; a visitor's browser has it on.
    const cached = await chromium.launch({
      executablePath: findChrome(),
      headless: true,
      args: [
        ...chromeArgs,
        '--host-resolver-rules=MAP www.site.test 127.0.0.1, MAP shop.site.test 127.0.0.1',
      ],
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
    });
    try {
      const context = await cached.newContext();
      await context.route(/^https?:\/\/(?!127\.0\.0\.1|www\.site\.test|shop\.site\.test)/, (r) => r.abort());
      const tab = await context.newPage();
      await tab.goto(server.origin('www.site.test') + '/shared.html', { waitUntil: 'load' });
      await tab.evaluate(() => window.privacyKit.ready);
      await tab.evaluate(() => ((window.__restored = true), window.privacyKit.acceptAll()));
      await tab.goto(server.origin('shop.site.test') + '/shared.html', { waitUntil: 'load' });
      await tab.evaluate(() => window.privacyKit.ready);
      await tab.evaluate(() => window.privacyKit.rejectAll());
      await tab.goBack({ waitUntil: 'commit' });
      await tab.waitForFunction(() => window.privacyKit && !window.privacyKit.isGranted('analytics'));
      assert.equal(await tab.evaluate(() => window.__restored), true, 'the page came from the cache');
      assert.deepEqual(await state(tab), { cookieRefuses: true, granted: false, gaDisabled: true });
      await context.close();
    } finally {
      await cached.close();
    }
  });

  it('deletes the cookies of a tag that finished loading after the visitor withdrew', async () => {
    const head =
      '<script type="text/plain" data-consent="adobe-analytics" data-src="https://assets.adobedtm.com/slow-launch.min.js"></script>';
    page(server, '/slow.html', sitePage({ head }));
    const { context } = await newContext(browser);
    let requested;
    const asked = new Promise((resolve) => (requested = resolve));
    // Registered after the harness' route, so it answers first: Adobe Launch, slow to arrive.
    await context.route('https://assets.adobedtm.com/slow-launch.min.js', async (route) => {
      requested();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.fulfill({
        contentType: 'text/javascript',
        body: "document.cookie = 's_cc=true; path=/'; document.cookie = 'AMCV_ORG%40AdobeOrg=x; path=/'; window.__launchRan = true;",
      });
    });
    const { page: tab } = await open(context, server.origin() + '/slow.html');
    await tab.evaluate(() => window.privacyKit.acceptAll());
    await asked;
    await tab.evaluate(() => window.privacyKit.rejectAll());
    await tab.waitForFunction(() => window.__launchRan === true);
    await tab.waitForFunction(() => !/s_cc|AMCV_/.test(document.cookie));
    assert.deepEqual(
      (await context.cookies()).map((c) => c.name),
      ['privacy_consent'],
    );
    await context.close();
  });

  it("without BroadcastChannel, another script's value under the sync key is ignored", async () => {
    page(server, '/no-channel.html', sitePage({ head: GA }));
    const { context } = await newContext(browser);
    await context.addInitScript(() => delete window.BroadcastChannel);
    const first = await open(context, server.origin() + '/no-channel.html');
    await first.page.evaluate(() => window.privacyKit.acceptAll());
    const second = await open(context, server.origin() + '/no-channel.html');
    await first.page.evaluate(() => localStorage.setItem('privacy-kit:privacy_consent', 'not json'));
    await first.page.evaluate(() => window.privacyKit.rejectAll());
    // The real message after the junk one still arrives.
    await second.page.waitForFunction(() => !window.privacyKit.isGranted('analytics'));
    assert.deepEqual(second.pageErrors, []);
    await context.close();
  });
  it('keeps a refusal after the site dropped cookie.domain: the old cookie for site.test no longer shadows the new one', async () => {
    page(server, '/host-only.html', sitePage({ head: GA }));
    const { context } = await newContext(browser);
    const www = server.origin('www.site.test');
    const earlier = await open(context, www + '/shared.html');
    await earlier.page.evaluate(() => window.privacyKit.acceptAll());
    await earlier.page.close();
    const now = await open(context, www + '/host-only.html');
    assert.equal(await now.page.evaluate(() => window.privacyKit.isGranted('analytics')), true);
    await now.page.evaluate(() => window.privacyKit.rejectAll());
    await now.page.reload({ waitUntil: 'networkidle' });
    await now.page.evaluate(() => window.privacyKit.ready);
    assert.equal(
      await now.page.evaluate(() => window.privacyKit.isGranted('analytics')),
      false,
      'the refusal lasts',
    );
    assert.deepEqual(
      now.warnings.filter((w) => w.includes('privacy-kit')),
      [],
    );
    await context.close();
  });
  it('reset() after the site added cookie.domain also forgets the host-only cookie kept from before', async () => {
    page(server, '/host-only.html', sitePage({ head: GA }));
    const { context } = await newContext(browser);
    const www = server.origin('www.site.test');
    const earlier = await open(context, www + '/host-only.html');
    await earlier.page.evaluate(() => window.privacyKit.acceptAll());
    await earlier.page.close();
    const now = await open(context, www + '/shared.html');
    assert.equal(await now.page.evaluate(() => window.privacyKit.isGranted('analytics')), true);
    await now.page.evaluate(() => window.privacyKit.reset());
    await now.page.reload({ waitUntil: 'networkidle' });
    await now.page.evaluate(() => window.privacyKit.ready);
    assert.equal(await now.page.evaluate(() => window.privacyKit.needsDecisionReason()), 'none');
    await context.close();
  });

  it('works in a sandboxed iframe, where reading document.cookie throws: necessary content runs, nothing escapes', async () => {
    const necessary = `<script type="text/plain" data-consent="necessary">${countRun('necessary')}</script>`;
    page(server, '/framed.html', sitePage({ head: necessary }));
    page(
      server,
      '/sandbox.html',
      '<!doctype html><iframe sandbox="allow-scripts" src="/framed.html"></iframe>',
    );
    const { context } = await newContext(browser);
    const { page: tab, pageErrors } = await openPage(context);
    await tab.goto(server.origin() + '/sandbox.html', { waitUntil: 'networkidle' });
    const frame = tab.frames().find((f) => f.url().endsWith('/framed.html'));
    await frame.waitForFunction(() => window.__runs?.necessary === 1);
    assert.equal(await frame.evaluate(() => window.privacyKit.isGranted('analytics')), false);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
