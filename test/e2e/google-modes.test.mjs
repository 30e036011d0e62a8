// Google's two Consent Mode set-ups (consent-gating.md) through the script tag, with the library
// loading gtag.js itself (`"load": true`). Basic, the default: not one request to Google before
// consent. Advanced, opted into by config: gtag.js loads at once with everything denied (it then
// sends cookieless pings), and `ga-disable-<id>` is set only once a grant is withdrawn.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONFIG,
  DENIED_BY_DEFAULT,
  consentCommands,
  dataLayer,
  launchBrowser,
  newContext,
  openPage,
  page,
  sitePage,
  startServer,
} from './harness.mjs';

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-LOAD';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const config = (google) => ({
    ...CONFIG,
    ...(google ? { google } : {}),
    services: {
      ...CONFIG.services,
      'google-analytics': { category: 'analytics', load: true, google: { measurementId: 'G-LOAD' } },
    },
  });
  page(server, '/basic.html', sitePage({ config: config(undefined), head: '' }));
  page(server, '/advanced.html', sitePage({ config: config({ mode: 'advanced' }), head: '' }));
  // One Google tag id for Analytics and Ads, each a "load": true service of its own category.
  const shared = { google: { measurementId: 'G-LOAD' }, load: true };
  const services = {
    'google-analytics': { category: 'analytics', ...shared },
    'google-ads': { category: 'marketing', ...shared },
  };
  page(server, '/shared-tag.html', sitePage({ config: { ...CONFIG, services }, head: '' }));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(path) {
  const { context, vendorRequests } = await newContext(browser);
  const { page: tab, pageErrors } = await openPage(context);
  await tab.goto(server.origin() + path);
  await tab.evaluate(() => window.privacyKit.ready);
  return { context, tab, vendorRequests, pageErrors };
}

const gaDisabled = (tab) => tab.evaluate(() => window['ga-disable-G-LOAD']);
const gtagRan = (tab) => tab.waitForFunction(() => (window.__vendor ?? []).includes('gtag:G-LOAD'));
const gtagLoads = (tab) =>
  tab.evaluate(() => (window.__vendor ?? []).filter((v) => v === 'gtag:G-LOAD').length);

function assertDefaultDenied(command) {
  assert.deepEqual(command?.slice(0, 2), ['consent', 'default']);
  for (const type of DENIED_BY_DEFAULT) assert.equal(command[2][type], 'denied', type);
  assert.equal(command[2].security_storage, 'granted');
}

describe('Google Consent Mode: basic and advanced mode', () => {
  it('basic mode (the default) sends no request to Google before consent, and loads gtag.js once granted', async () => {
    const { context, tab, vendorRequests, pageErrors } = await visit('/basic.html');
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(vendorRequests, [], 'not one request to Google before consent');
    assert.equal(await tab.evaluate(() => document.querySelector('script[src*="googletagmanager"]')), null);
    assert.deepEqual(
      (await consentCommands(tab)).map((c) => c[1]),
      ['default'],
    );
    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    await gtagRan(tab);
    assert.equal(vendorRequests[0], GTAG, 'gtag.js is the first request to Google');
    assert.equal(await tab.evaluate(() => window.__gtagSawConsent.analytics_storage), 'granted');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('advanced mode loads gtag.js before consent, after a denied default, and sets ga-disable only when a grant is withdrawn', async () => {
    const { context, tab, vendorRequests, pageErrors } = await visit('/advanced.html');
    await gtagRan(tab);
    assert.deepEqual(vendorRequests, [GTAG], 'gtag.js requested before any decision');
    const commands = await consentCommands(tab);
    assertDefaultDenied(commands[0]);
    assert.equal(commands.length, 1, 'no update before a decision');
    // The tag read the denied default when it loaded: cookieless pings only.
    assert.equal(await tab.evaluate(() => window.__gtagSawConsent.analytics_storage), 'denied');
    const layer = await tab.evaluate(() => window.dataLayer.map((e) => e[0]));
    assert.ok(layer.indexOf('consent') < layer.indexOf('config'), 'default before config');
    assert.notEqual(await gaDisabled(tab), true, 'no ga-disable before a decision');

    // A refusal without an earlier grant keeps the cookieless pings: no ga-disable.
    await tab.evaluate(async () => await window.privacyKit.rejectAll());
    assert.notEqual(await gaDisabled(tab), true, 'no ga-disable after refusing what was never granted');
    assert.equal((await consentCommands(tab)).at(-1)[2].analytics_storage, 'denied');

    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    assert.equal(await gaDisabled(tab), false);
    assert.equal((await consentCommands(tab)).at(-1)[2].analytics_storage, 'granted');

    // Withdrawing that grant switches the tag off.
    await tab.evaluate(async () => await window.privacyKit.rejectAll());
    assert.equal(await gaDisabled(tab), true, 'ga-disable once the grant was withdrawn');
    assert.equal((await consentCommands(tab)).at(-1)[2].analytics_storage, 'denied');
    assert.equal(await gtagLoads(tab), 1, 'gtag.js loaded once in all');
    assert.deepEqual(
      vendorRequests.filter((u) => u.includes('/gtag/js')),
      [GTAG],
    );
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
  it('keeps a shared Google tag on while one of its services is granted (the refused one does not switch it off)', async () => {
    const { context, tab, pageErrors } = await visit('/shared-tag.html');
    await tab.evaluate(async () => await window.privacyKit.update({ categories: { analytics: true } }));
    await gtagRan(tab);
    // Analytics granted, Ads refused: the tag loaded for Analytics must measure, not be disabled.
    assert.equal(await gaDisabled(tab), false, 'ga-disable off while google-analytics is granted');
    await tab.evaluate(async () => await window.privacyKit.rejectAll());
    assert.equal(await gaDisabled(tab), true, 'ga-disable once no service of the tag is granted');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
  it('loads a Google tag shared by two granted services once, and configures it once (one page view per view)', async () => {
    const { context, tab, vendorRequests, pageErrors } = await visit('/shared-tag.html');
    // The services are granted one after the other, as a visitor who opts into marketing later.
    await tab.evaluate(async () => await window.privacyKit.update({ categories: { analytics: true } }));
    await gtagRan(tab);
    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    await tab.waitForLoadState('networkidle');
    assert.equal(await gtagLoads(tab), 1, 'gtag.js ran once');
    const commands = (await dataLayer(tab)).map((e) => e.value);
    assert.deepEqual(
      commands.filter((c) => c[0] === 'config'),
      [['config', 'G-LOAD']],
    );
    assert.equal(commands.filter((c) => c[0] === 'js').length, 1);
    assert.deepEqual(
      vendorRequests.filter((u) => u.includes('/gtag/js')),
      [GTAG],
    );
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it("tells Google before the site's own change listeners, also ones added while a data-config was loading", async () => {
    server.pages.set('/listeners-config.json', {
      body: JSON.stringify(CONFIG),
      headers: { 'content-type': 'application/json' },
    });
    // A site script right after the loader: the config is not there yet when it subscribes.
    const early = `<script>window.privacyKit.on('change', () => gtag('event', 'consent_changed'));</script>`;
    page(
      server,
      '/listeners.html',
      sitePage({ config: null, loader: 'data-config="/listeners-config.json"', head: early }),
    );
    const { context, tab } = await visit('/listeners.html');
    await tab.evaluate(() => window.privacyKit.acceptAll());
    await tab.evaluate(() => window.privacyKit.rejectAll());
    const commands = (await dataLayer(tab)).map((e) => e.value.join(' '));
    const order = commands
      .filter((c) => /^consent update|^event consent_changed/.test(c))
      .map((c) => c.split(' ')[0]);
    // Each decision: the update first, then the site's event (on withdrawal, never an event
    // sent while Google still has consent).
    assert.deepEqual(order, ['consent', 'event', 'consent', 'event']);
    await context.close();
  });
});
