// The Consent Mode traps of /shared/specs/known-failures.md, walked through the script tag as a
// site owner sets it up and a visitor uses it: #4 Consent Mode order with GTM, #1 withdrawal denies
// every mapped Consent Mode type. #2 and #3 are in known-failures, #5 and #8 in known-failures-ui.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONFIG,
  DENIED_BY_DEFAULT,
  consentCommands,
  newContext,
  openPage,
  page,
  settleBlocked,
  sitePage,
} from './harness.mjs';
import { blocked, blockedSrc, knownFailuresSite } from './known-failures-kit.mjs';

const site = knownFailuresSite();

describe('known-failure #4: Consent Mode order with Google Tag Manager', () => {
  const GTM = 'https://www.googletagmanager.com/gtm.js?id=GTM-XXXX';
  before(() => {
    const gtm = (service) => ({
      ...CONFIG,
      services: { ...CONFIG.services, 'google-tag-manager': { category: 'analytics', ...service } },
    });
    // GTM's own snippet split in two blocked scripts: the `gtm.start` push, then the container.
    page(
      site.server,
      '/gtm.html',
      sitePage({
        config: gtm({ google: { containerId: 'GTM-XXXX' } }),
        head: `
          ${blocked('google-tag-manager', "window.dataLayer = window.dataLayer || []; window.dataLayer.push({ 'gtm.start': new Date().getTime(), event: 'gtm.js' });")}
          ${blockedSrc('google-tag-manager', GTM, ' async')}`,
      }),
    );
    page(
      site.server,
      '/gtm-load.html',
      sitePage({ config: gtm({ load: true, google: { containerId: 'GTM-XXXX' } }), head: '' }),
    );
  });

  /** The dataLayer described entry by entry: a gtag command, GTM's event object, or anything else. */
  const describeLayer = (tab) =>
    tab.evaluate(() =>
      (window.dataLayer ?? []).map((e) => {
        const kind = Object.prototype.toString.call(e);
        if (kind === '[object Arguments]')
          return { kind: 'arguments', command: e[0], action: e[1], values: e[2] };
        if (Array.isArray(e)) return { kind: 'array', command: e[0], action: e[1] };
        return { kind: 'object', event: e?.event };
      }),
    );

  /**
   * Snapshots the dataLayer at the moment the browser asks for gtm.js, before the container
   * could read anything, then lets the request go on to the harness's fake.
   */
  async function layerWhenGtmRequested(tab) {
    const snapshots = [];
    await tab.route('https://www.googletagmanager.com/gtm.js**', async (route) => {
      snapshots.push(await describeLayer(tab));
      await route.fallback();
    });
    return snapshots;
  }

  /** Asserts the order Consent Mode needs in a dataLayer: default (all denied) before anything else. */
  function assertDefaultFirst(layer) {
    const consent = layer.filter((e) => e.command === 'consent');
    assert.equal(consent[0]?.action, 'default', 'the first consent command is the default');
    for (const type of DENIED_BY_DEFAULT) assert.equal(consent[0].values[type], 'denied', `default ${type}`);
    assert.equal(consent[0].values.security_storage, 'granted');
    const first = layer.findIndex((e) => e.command === 'consent');
    const gtmStart = layer.findIndex((e) => e.event === 'gtm.js');
    const config = layer.findIndex((e) => e.command === 'config');
    assert.ok(gtmStart === -1 || first < gtmStart, 'default before gtm.js');
    assert.ok(config === -1 || first < config, 'default before config');
    // gtag.js and GTM ignore arrays: every command the stub pushed is the real `arguments`.
    assert.deepEqual(
      layer.filter((e) => e.kind === 'array'),
      [],
      'no command pushed as an array',
    );
    assert.ok(
      layer.every((e) => e.kind === 'arguments' || e.event === 'gtm.js'),
      JSON.stringify(layer),
    );
  }

  /** The update granting analytics sits after the default and before the gtm.js event. */
  function assertUpdateBeforeGtm(layer) {
    assertDefaultFirst(layer);
    const update = layer.findIndex((e) => e.command === 'consent' && e.action === 'update');
    assert.ok(update > 0, 'an update is on the dataLayer when gtm.js is requested');
    assert.equal(layer[update].values.analytics_storage, 'granted');
    const gtmStart = layer.findIndex((e) => e.event === 'gtm.js');
    assert.ok(gtmStart > update, `update (${update}) before the gtm.js event (${gtmStart})`);
  }

  it('a page loading GTM as blocked content: default first, then on accept the update before gtm.js is requested, also on a return visit', async () => {
    const ctx = await newContext(site.browser);
    const { tab, vendorRequests } = await site.visit('/gtm.html', { context: ctx });
    const snapshots = await layerWhenGtmRequested(tab);
    await settleBlocked(tab);
    assert.deepEqual(vendorRequests, []);
    const before = await describeLayer(tab);
    assertDefaultFirst(before);
    assert.deepEqual(
      before.map((e) => e.action),
      ['default'],
      'nothing but the default before consent',
    );

    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    await tab.waitForFunction(() => (window.__vendor ?? []).includes('gtm:GTM-XXXX'));
    assert.equal(snapshots.length, 1);
    assertUpdateBeforeGtm(snapshots[0]);
    assert.equal(await tab.evaluate(() => window.__gtmSaw.consent.analytics_storage), 'granted');
    assertDefaultFirst(await describeLayer(tab));

    // A returning visitor: the update from the stored decision also precedes the container.
    const again = await openPage(ctx.context);
    const returning = await layerWhenGtmRequested(again.page);
    await again.page.goto(site.server.origin() + '/gtm.html');
    await again.page.waitForFunction(() => (window.__vendor ?? []).includes('gtm:GTM-XXXX'));
    assert.equal(returning.length, 1);
    assertUpdateBeforeGtm(returning[0]);
    assert.deepEqual(
      returning[0].filter((e) => e.command === 'consent').map((e) => e.action),
      ['default', 'update'],
    );
    await ctx.context.close();
  });

  it('a "load": true service with a GTM container id: nothing before consent, default first, the update before gtm.js is requested', async () => {
    const { context, tab, vendorRequests } = await site.visit('/gtm-load.html');
    const snapshots = await layerWhenGtmRequested(tab);
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(vendorRequests, []);
    assertDefaultFirst(await describeLayer(tab));

    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    await tab.waitForFunction(() => (window.__vendor ?? []).includes('gtm:GTM-XXXX'));
    assert.equal(snapshots.length, 1);
    assertUpdateBeforeGtm(snapshots[0]);
    assert.ok(
      vendorRequests.every((u) => u === GTM),
      vendorRequests.join(),
    );
    const saw = await tab.evaluate(() => window.__gtmSaw);
    assert.equal(saw.consent.analytics_storage, 'granted');
    assertDefaultFirst(await describeLayer(tab));
    await context.close();
  });
});

describe('known-failure #1: withdrawal denies every Consent Mode type it had granted', () => {
  before(() => {
    const config = { ...CONFIG, categories: { ...CONFIG.categories, preferences: {} } };
    page(
      site.server,
      '/withdraw.html',
      sitePage({ config, body: '<main><privacy-settings-button></privacy-settings-button></main>' }),
    );
  });

  const lastConsent = async (tab) => (await consentCommands(tab)).at(-1);
  function assertAll(command, value) {
    assert.equal(command?.[0], 'consent');
    assert.equal(command?.[1], 'update');
    for (const type of DENIED_BY_DEFAULT) assert.equal(command[2][type], value, `${type} ${value}`);
    assert.equal(command[2].security_storage, 'granted');
  }

  it('switching every category off in the preferences sends an update with analytics, ad and preference storage denied, also after a reload', async () => {
    const ctx = await newContext(site.browser);
    const { tab } = await site.visit('/withdraw.html', { context: ctx });
    await tab.locator('privacy-banner [part="accept-button"]').click();
    await tab.waitForFunction(() => (window.__vendor ?? []).includes('gtag:G-ABC'));
    assertAll(await lastConsent(tab), 'granted');

    await tab.locator('privacy-settings-button [part="button"]').click();
    await tab.locator('privacy-preferences dialog[open]').waitFor();
    for (const category of ['analytics', 'marketing', 'preferences']) {
      const toggle = tab.locator(`privacy-preferences [role="switch"][data-category="${category}"]`);
      assert.equal(await toggle.isChecked(), true, `${category} was on`);
      await toggle.click();
    }
    await tab.locator('privacy-preferences [part="save-button"]').click();
    await tab.waitForFunction(() => window['ga-disable-G-ABC'] === true);
    assertAll(await lastConsent(tab), 'denied');

    await tab.reload();
    await tab.evaluate(() => window.privacyKit.ready);
    assertAll(await lastConsent(tab), 'denied');
    await ctx.context.close();
  });

  it('"Reject all" through the API after "Accept all" denies every mapped type', async () => {
    const { context, tab } = await site.visit('/withdraw.html');
    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    assertAll(await lastConsent(tab), 'granted');
    await tab.evaluate(async () => await window.privacyKit.rejectAll());
    assertAll(await lastConsent(tab), 'denied');
    assert.equal(await tab.evaluate(() => window['ga-disable-G-ABC']), true);
    await context.close();
  });
});
