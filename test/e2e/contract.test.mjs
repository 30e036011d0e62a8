// The script-tag contract of DESIGN.md, on the page exactly as it is written there (only the
// loader's URL points at this server): window.privacyKit's API as an integrator calls it, and what a
// returning visitor downloads with and without a privacy-* element on the page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  consentCommands,
  launchBrowser,
  newContext,
  openPage,
  page,
  recordRequests,
  startServer,
} from './harness.mjs';

/** The minimal config of DESIGN.md, verbatim. */
const CONTRACT_CONFIG = `{ "revision": "2018-06-18", "language": "nl",
    "categories": { "analytics": {}, "marketing": {} },
    "services": {
      "google-analytics": { "category": "analytics", "google": { "measurementId": "G-XXXX" } },
      "adobe-analytics": { "category": "analytics" } } }`;

/** The page of the contract, verbatim but for the body text around the settings button. */
const contractPage = (
  body = '<p>Welkom.</p> <privacy-settings-button></privacy-settings-button>',
) => `<!doctype html>
<html lang="nl">
<head>
  <script type="application/json" id="privacy-kit-config">${CONTRACT_CONFIG}</script>
  <script src="/privacy-kit/privacy-kit.js"></script>          <!-- classic script, sync, first -->
  <script type="text/plain" data-consent="google-analytics"
          data-src="https://www.googletagmanager.com/gtag/js?id=G-XXXX" async></script>
  <script type="text/plain" data-consent="google-analytics">gtag('config', 'G-XXXX');</script>
</head>
<body> ${body} </body>
</html>`;

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page(server, '/', contractPage());
  page(server, '/no-elements.html', contractPage('<main><h1>Bibliotheek</h1><p>Welkom.</p></main>'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(path = '/', existing) {
  const ctx = existing ?? (await newContext(browser));
  const { page: tab, pageErrors } = await openPage(ctx.context);
  const requested = recordRequests(tab);
  await tab.goto(server.origin() + path);
  await tab.evaluate(async () => await window.privacyKit.ready);
  return { ...ctx, tab, pageErrors, requested };
}

const gaRan = (tab) => tab.waitForFunction(() => (window.__vendor ?? []).includes('gtag:G-XXXX'));
const configPushed = (tab) =>
  tab.evaluate(() => (window.dataLayer ?? []).some((e) => e[0] === 'config' && e[1] === 'G-XXXX'));

describe('script-tag contract: window.privacyKit', () => {
  it('acceptAll() grants every category and service, getConsent() says so, and GA runs', async () => {
    const { context, tab, pageErrors } = await visit();
    assert.equal(await tab.evaluate(() => window.privacyKit.getConsent()), null, 'no decision yet');
    const state = await tab.evaluate(async () => {
      await window.privacyKit.acceptAll();
      return window.privacyKit.getConsent();
    });
    assert.deepEqual(state.categories, { necessary: true, analytics: true, marketing: true });
    assert.deepEqual(state.services, { 'google-analytics': true, 'adobe-analytics': true });
    assert.equal(state.revision, '2018-06-18');
    await gaRan(tab);
    assert.equal(await configPushed(tab), true, "the blocked inline gtag('config') ran");
    assert.equal((await consentCommands(tab)).at(-1)[2].analytics_storage, 'granted');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('acceptAll() without await: getConsent() in the same turn already reflects it', async () => {
    const { context, tab } = await visit();
    const analytics = await tab.evaluate(async () => {
      await window.privacyKit.ready;
      window.privacyKit.acceptAll();
      return window.privacyKit.getConsent()?.categories.analytics;
    });
    assert.equal(analytics, true);
    await context.close();
  });

  it('rejectAll() refuses every category and service but necessary, and GA stays off', async () => {
    const { context, tab, vendorRequests } = await visit();
    const state = await tab.evaluate(async () => {
      await window.privacyKit.rejectAll();
      return window.privacyKit.getConsent();
    });
    assert.deepEqual(state.categories, { necessary: true, analytics: false, marketing: false });
    assert.deepEqual(state.services, { 'google-analytics': false, 'adobe-analytics': false });
    assert.equal(await tab.evaluate(() => window.privacyKit.isGranted('google-analytics')), false);
    assert.equal(await tab.evaluate(() => window['ga-disable-G-XXXX']), true);
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(vendorRequests, []);
    assert.equal(await configPushed(tab), false);
    await context.close();
  });

  it("update({ services: { 'google-analytics': false } }) after acceptAll() keeps analytics granted but refuses GA", async () => {
    const { context, tab } = await visit();
    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    await gaRan(tab);
    const result = await tab.evaluate(async () => {
      const kit = window.privacyKit;
      await kit.update({ services: { 'google-analytics': false } });
      return {
        state: kit.getConsent(),
        granted: ['analytics', 'google-analytics', 'adobe-analytics', 'marketing'].map((n) =>
          kit.isGranted(n),
        ),
      };
    });
    assert.deepEqual(result.state.categories, { necessary: true, analytics: true, marketing: true });
    assert.deepEqual(result.state.services, { 'google-analytics': false, 'adobe-analytics': true });
    assert.deepEqual(result.granted, [true, false, true, true]);
    // GA is switched off for this page at once, and Google's storage follows the GA switch.
    assert.equal(await tab.evaluate(() => window['ga-disable-G-XXXX']), true);
    assert.equal((await consentCommands(tab)).at(-1)[2].analytics_storage, 'denied');
    await context.close();
  });

  it("a first decision of analytics without Google Analytics never runs GA's blocked scripts", async () => {
    const { context, tab, vendorRequests } = await visit();
    const granted = await tab.evaluate(async () => {
      const kit = window.privacyKit;
      await kit.update({ categories: { analytics: true }, services: { 'google-analytics': false } });
      return ['analytics', 'google-analytics', 'adobe-analytics'].map((n) => kit.isGranted(n));
    });
    assert.deepEqual(granted, [true, false, true]);
    assert.equal(await tab.evaluate(() => window['ga-disable-G-XXXX']), true);
    await tab.waitForLoadState('networkidle');
    assert.equal(await configPushed(tab), false, 'the GA scripts stay blocked');
    assert.deepEqual(vendorRequests, []);
    await context.close();
  });

  it("the banner's preferences button opens a dialog whose category and service switches an outsider can click, and save-button stores them", async () => {
    const { context, tab } = await visit();
    await tab.locator('privacy-banner [part~="preferences-button"]').click();
    const dialog = tab.locator('privacy-preferences dialog[open]');
    await dialog.waitFor();
    // Every switch is in view without expanding anything: a plain click works.
    for (const name of ['analytics', 'marketing']) {
      const toggle = tab.locator(`privacy-preferences [part~="toggle"][data-category="${name}"]`);
      assert.equal(await toggle.getAttribute('role'), 'switch');
      assert.equal(await toggle.isChecked(), false, 'nothing pre-ticked');
    }
    await tab.locator('privacy-preferences [part~="toggle"][data-category="analytics"]').click();
    await tab.locator('privacy-preferences [part~="toggle"][data-service="adobe-analytics"]').click();
    await tab.locator('privacy-preferences [part~="save-button"]').click();
    await dialog.waitFor({ state: 'detached' });
    const state = await tab.evaluate(() => window.privacyKit.getConsent());
    assert.deepEqual(
      {
        analytics: state.categories.analytics,
        marketing: state.categories.marketing,
        ga: state.services['google-analytics'],
        adobe: state.services['adobe-analytics'],
      },
      { analytics: true, marketing: false, ga: true, adobe: false },
    );
    await gaRan(tab);
    await context.close();
  });

  it('reset() forgets the decision and brings the banner back as a child of <body>', async () => {
    const { context, tab } = await visit();
    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    await tab.locator('privacy-banner [part="banner"]').waitFor({ state: 'hidden' });
    await tab.evaluate(async () => await window.privacyKit.reset());
    assert.equal(await tab.evaluate(() => window.privacyKit.getConsent()), null);
    await tab.locator('body > privacy-banner [part="accept-button"]').waitFor();
    assert.equal(await tab.evaluate(() => document.querySelectorAll('privacy-banner').length), 1);
    assert.equal(
      await tab.evaluate(() => document.querySelector('privacy-banner').parentElement === document.body),
      true,
    );
    await context.close();
  });

  it("on('change', fn) calls fn for each decision and returns a function that stops it", async () => {
    const { context, tab } = await visit();
    const seen = await tab.evaluate(async () => {
      const calls = [];
      const off = window.privacyKit.on('change', (change) =>
        calls.push(change.state?.categories.analytics ?? null),
      );
      await window.privacyKit.acceptAll();
      await window.privacyKit.update({ categories: { analytics: false } });
      const type = typeof off;
      off();
      await window.privacyKit.acceptAll();
      await window.privacyKit.reset();
      return { calls, type };
    });
    assert.equal(seen.type, 'function');
    assert.deepEqual(seen.calls, [true, false], 'two calls before unsubscribing, none after');
    await context.close();
  });
});

describe('script-tag contract: what a returning visitor downloads', () => {
  /** A context whose visitor accepted everything on an earlier visit. */
  async function returningVisitor() {
    const ctx = await newContext(browser);
    const first = await visit('/', ctx);
    await first.tab.evaluate(async () => await window.privacyKit.acceptAll());
    await first.tab.close();
    ctx.vendorRequests.length = 0;
    return ctx;
  }

  it('with a privacy-* element on the page the UI chunk loads; without one only privacy-kit.js, and GA still runs', async () => {
    const ctx = await returningVisitor();

    const withElement = await visit('/', ctx);
    await withElement.tab.locator('privacy-settings-button [part="button"]').waitFor();
    assert.ok(
      withElement.requested.includes('/privacy-kit/ui/privacy-kit-ui.js'),
      withElement.requested.join(),
    );
    await withElement.tab.close();

    const plain = await visit('/no-elements.html', ctx);
    await gaRan(plain.tab);
    await plain.tab.waitForLoadState('networkidle');
    assert.deepEqual(
      plain.requested,
      ['/no-elements.html', '/privacy-kit/privacy-kit.js'],
      'only the page and the loader',
    );
    assert.equal(await plain.tab.evaluate(() => document.querySelector('privacy-banner')), null);
    assert.equal(await configPushed(plain.tab), true, "the blocked gtag('config') ran");
    const consent = await consentCommands(plain.tab);
    assert.deepEqual(
      consent.map((c) => c[1]),
      ['default', 'update'],
    );
    assert.equal(consent[1][2].analytics_storage, 'granted');
    assert.ok(
      ctx.vendorRequests.some((u) => u.startsWith('https://www.googletagmanager.com/gtag/js?id=G-XXXX')),
    );
    assert.deepEqual(plain.pageErrors, []);
    await ctx.context.close();
  });
});
