// The traps of /shared/specs/known-failures.md that other consent libraries fell into, each walked
// through the script tag as a site owner sets it up and a visitor uses it: #2 blocked scripts in
// document order (also those added later), #3 nothing runs twice, #4 Consent Mode order with GTM,
// #5 the preferences dialog under a strict CSP, #8 a second loader, a second UI request and SPA
// routes, #1 withdrawal denies every mapped Consent Mode type.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONFIG,
  DENIED_BY_DEFAULT,
  TAGS,
  consentCommands,
  dataLayer,
  countRun,
  launchBrowser,
  newContext,
  openPage,
  page,
  settleBlocked,
  sitePage,
  startServer,
} from './harness.mjs';

const CSP = { 'content-security-policy': "script-src 'nonce-abc' 'strict-dynamic'; style-src 'self'" };
const JS = { 'content-type': 'text/javascript' };

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page(server, '/frame.html', '<!doctype html><title>video</title><p>video');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` in a fresh context (or `existing`) and waits until the loader is ready. */
async function visit(path, { host = '127.0.0.1', context: existing } = {}) {
  const ctx = existing ?? (await newContext(browser));
  const opened = await openPage(ctx.context);
  await opened.page.goto(server.origin(host) + path);
  await opened.page.evaluate(() => window.privacyKit.ready);
  return { ...ctx, ...opened, tab: opened.page };
}

const runs = (tab) => tab.evaluate(() => window.__runs ?? {});
const order = (tab) => tab.evaluate(() => window.__order ?? []);
const vendorRan = (tab) => tab.evaluate(() => window.__vendor ?? []);
const waitForOrder = (tab, name) => tab.waitForFunction((n) => (window.__order ?? []).includes(n), name);
const blocked = (consent, code, attributes = '') => `<script type="text/plain" data-consent="${consent}"${attributes}>${code}</script>`;
const blockedSrc = (consent, src, attributes = '') => `<script type="text/plain" data-consent="${consent}" data-src="${src}"${attributes}></script>`;

/**
 * Code of an inline script that needs `lib` (an external script before it): it records
 * `uses-<lib>`, or `uses-<lib> WITHOUT <lib>` when it ran before the library had loaded.
 */
const usesCode = (lib) => {
  const name = 'uses-' + lib;
  return (
    `(window.__runs = window.__runs || {})["${name}"] = (window.__runs["${name}"] || 0) + 1;` +
    ` (window.__order = window.__order || []).push(window["${lib}"] ? "${name}" : "${name} WITHOUT ${lib}");`
  );
};

describe('known-failure #2: blocked scripts run in document order, also those added later', () => {
  before(() => {
    // External libraries (which set window[name]) and the inline scripts that use them, as sites
    // write GA, GTM or Adobe; plus an async one, which keeps no place in the order.
    for (const name of ['lib-a', 'lib-c', 'lib-d']) page(server, `/ext/${name}.js`, `window["${name}"] = true; ${countRun(name)}`, JS);
    page(server, '/ext/async-b.js', '(window.__runs = window.__runs || {})["async-b"] = (window.__runs["async-b"] || 0) + 1;', JS);
    page(
      server,
      '/order.html',
      sitePage({
        head: '',
        body: `<main id="main">
          ${blockedSrc('analytics', '/ext/lib-a.js')}
          ${blocked('analytics', usesCode('lib-a'))}
          ${blockedSrc('analytics', '/ext/async-b.js', ' async')}
          ${blocked('google-analytics', countRun('inline-ga'))}
        </main><div id="later"></div>`,
      }),
    );
  });

  /** Inserts blocked scripts as a single-page app or a tag manager would, after the page loaded. */
  const insert = (tab, selector, position, scripts) =>
    tab.evaluate(
      ({ selector, position, scripts }) => {
        const made = scripts.map(({ consent, src, code }) => {
          const script = document.createElement('script');
          script.type = 'text/plain';
          script.dataset.consent = consent;
          if (src) script.dataset.src = src;
          else script.text = code;
          return script;
        });
        document.querySelector(selector)[position](...made);
      },
      { selector, position, scripts },
    );

  it('runs nothing before consent, then each script once, in document order, an inline one after the external one it needs', async () => {
    const { context, tab, vendorRequests, pageErrors } = await visit('/order.html');
    // Added after load, before any decision: one at the very start of <main> (so first in
    // document order), an external library with its inline user at the end.
    await insert(tab, '#main', 'prepend', [{ consent: 'analytics', code: countRun('first') }]);
    await insert(tab, '#later', 'append', [
      { consent: 'analytics', src: '/ext/lib-c.js' },
      { consent: 'analytics', code: usesCode('lib-c') },
    ]);
    await settleBlocked(tab);
    assert.deepEqual(await runs(tab), {}, 'nothing ran before consent');
    assert.equal(server.log.filter((r) => r.path.startsWith('/ext/')).length, 0, 'no blocked script was even requested');
    assert.deepEqual(vendorRequests, []);

    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    await waitForOrder(tab, 'uses-lib-c');
    // Added after consent: they run at once, after the ones before them.
    await insert(tab, '#later', 'append', [
      { consent: 'google-analytics', src: '/ext/lib-d.js' },
      { consent: 'analytics', code: usesCode('lib-d') },
    ]);
    await waitForOrder(tab, 'uses-lib-d');
    await tab.waitForFunction(() => window.__runs?.['async-b'] === 1);
    // Deciding again must not run anything a second time.
    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    await settleBlocked(tab);

    assert.deepEqual(await order(tab), ['first', 'lib-a', 'uses-lib-a', 'inline-ga', 'lib-c', 'uses-lib-c', 'lib-d', 'uses-lib-d']);
    const counts = await runs(tab);
    for (const name of ['first', 'lib-a', 'uses-lib-a', 'async-b', 'inline-ga', 'lib-c', 'uses-lib-c', 'lib-d', 'uses-lib-d']) {
      assert.equal(counts[name], 1, `${name} ran exactly once`);
    }
    for (const name of ['lib-a', 'async-b', 'lib-c', 'lib-d']) assert.equal(server.hits(`/ext/${name}.js`), 1, `${name}.js requested once`);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});

describe('known-failure #3: saving the same choice again runs nothing twice', () => {
  before(() => {
    page(
      server,
      '/saved-twice.html',
      sitePage({
        head: `
          ${blockedSrc('google-analytics', 'https://www.googletagmanager.com/gtag/js?id=G-ABC', ' async')}
          ${blocked('google-analytics', `${countRun('ga-config')} gtag('js', new Date()); gtag('config', 'G-ABC');`)}
          ${blockedSrc('adobe-analytics', 'https://assets.adobedtm.com/launch-abc.min.js')}
          ${blocked('adobe-analytics', countRun('adobe-inline'))}
          ${blocked('analytics', countRun('analytics-inline'))}
          ${blocked('youtube', countRun('youtube-inline'))}`,
        body: `<main><p>Tekst</p><iframe data-consent="youtube" data-src="/frame.html?saved-twice"></iframe>
          <footer><privacy-settings-button></privacy-settings-button></footer></main>`,
      }),
    );
  });

  const dialog = (tab) => tab.locator('privacy-preferences dialog[open]');
  /** Clicks a button of the open preferences dialog and waits until the dialog has closed. */
  async function inDialog(tab, part) {
    await dialog(tab).waitFor();
    await tab.locator(`privacy-preferences [part="${part}"]`).click();
    await dialog(tab).waitFor({ state: 'detached' });
  }

  it('accept, save the same choice in the preferences, open them again and save: every blocked script ran once', async () => {
    const { context, tab, vendorRequests, pageErrors } = await visit('/saved-twice.html');
    await tab.locator('privacy-banner [part="accept-button"]').click();
    await tab.waitForFunction(() => (window.__vendor ?? []).includes('gtag:G-ABC') && (window.__vendor ?? []).includes('adobe-tags'));
    await tab.waitForFunction(() => document.querySelector('iframe[data-consent]').contentDocument?.body?.textContent === 'video');

    await tab.locator('privacy-settings-button [part="button"]').click();
    await inDialog(tab, 'save-button');
    await tab.evaluate(async () => await window.privacyKit.showPreferences());
    await inDialog(tab, 'save-button');
    await tab.locator('privacy-settings-button [part="button"]').click();
    await inDialog(tab, 'accept-button');
    assert.equal(await tab.evaluate(() => window.privacyKit.getConsent().method), 'preferences', 'the dialog made the last decision');
    await settleBlocked(tab);
    await tab.waitForLoadState('networkidle');

    assert.deepEqual(await runs(tab), { 'ga-config': 1, 'adobe-inline': 1, 'analytics-inline': 1, 'youtube-inline': 1 });
    const configs = (await dataLayer(tab)).map((e) => e.value).filter((c) => c[0] === 'config');
    assert.deepEqual(configs, [['config', 'G-ABC']], "gtag('config') pushed once");
    const ran = await vendorRan(tab);
    assert.deepEqual([ran.filter((v) => v === 'gtag:G-ABC').length, ran.filter((v) => v === 'adobe-tags').length], [1, 1]);
    assert.equal(vendorRequests.filter((u) => u.includes('/gtag/js')).length, 1, 'gtag.js requested once');
    assert.equal(vendorRequests.filter((u) => u.includes('adobedtm.com')).length, 1, 'Adobe Tags requested once');
    assert.equal(server.log.filter((r) => r.path === '/frame.html' && r.search === '?saved-twice').length, 1, 'the embed loaded once');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});

describe('known-failure #4: Consent Mode order with Google Tag Manager', () => {
  const GTM = 'https://www.googletagmanager.com/gtm.js?id=GTM-XXXX';
  before(() => {
    const gtm = (service) => ({ ...CONFIG, services: { ...CONFIG.services, 'google-tag-manager': { category: 'analytics', ...service } } });
    // GTM's own snippet split in two blocked scripts: the `gtm.start` push, then the container.
    page(
      server,
      '/gtm.html',
      sitePage({
        config: gtm({ google: { containerId: 'GTM-XXXX' } }),
        head: `
          ${blocked('google-tag-manager', "window.dataLayer = window.dataLayer || []; window.dataLayer.push({ 'gtm.start': new Date().getTime(), event: 'gtm.js' });")}
          ${blockedSrc('google-tag-manager', GTM, ' async')}`,
      }),
    );
    page(server, '/gtm-load.html', sitePage({ config: gtm({ load: true, google: { containerId: 'GTM-XXXX' } }), head: '' }));
  });

  /** The dataLayer described entry by entry: a gtag command, GTM's event object, or anything else. */
  const describeLayer = (tab) =>
    tab.evaluate(() =>
      (window.dataLayer ?? []).map((e) => {
        const kind = Object.prototype.toString.call(e);
        if (kind === '[object Arguments]') return { kind: 'arguments', command: e[0], action: e[1], values: e[2] };
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
    assert.deepEqual(layer.filter((e) => e.kind === 'array'), [], 'no command pushed as an array');
    assert.ok(layer.every((e) => e.kind === 'arguments' || e.event === 'gtm.js'), JSON.stringify(layer));
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
    const ctx = await newContext(browser);
    const { tab, vendorRequests } = await visit('/gtm.html', { context: ctx });
    const snapshots = await layerWhenGtmRequested(tab);
    await settleBlocked(tab);
    assert.deepEqual(vendorRequests, []);
    const before = await describeLayer(tab);
    assertDefaultFirst(before);
    assert.deepEqual(before.map((e) => e.action), ['default'], 'nothing but the default before consent');

    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    await tab.waitForFunction(() => (window.__vendor ?? []).includes('gtm:GTM-XXXX'));
    assert.equal(snapshots.length, 1);
    assertUpdateBeforeGtm(snapshots[0]);
    assert.equal(await tab.evaluate(() => window.__gtmSaw.consent.analytics_storage), 'granted');
    assertDefaultFirst(await describeLayer(tab));

    // A returning visitor: the update from the stored decision also precedes the container.
    const again = await openPage(ctx.context);
    const returning = await layerWhenGtmRequested(again.page);
    await again.page.goto(server.origin() + '/gtm.html');
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
    const { context, tab, vendorRequests } = await visit('/gtm-load.html');
    const snapshots = await layerWhenGtmRequested(tab);
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(vendorRequests, []);
    assertDefaultFirst(await describeLayer(tab));

    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    await tab.waitForFunction(() => (window.__vendor ?? []).includes('gtm:GTM-XXXX'));
    assert.equal(snapshots.length, 1);
    assertUpdateBeforeGtm(snapshots[0]);
    assert.ok(vendorRequests.every((u) => u === GTM), vendorRequests.join());
    const saw = await tab.evaluate(() => window.__gtmSaw);
    assert.equal(saw.consent.analytics_storage, 'granted');
    assertDefaultFirst(await describeLayer(tab));
    await context.close();
  });
});

describe('known-failure #5: the preferences dialog and translations under a strict CSP', () => {
  const GERMAN = { 'preferences.title': 'Ihre Cookie-Einstellungen', 'preferences.save': 'Auswahl speichern' };
  before(() => {
    const html = sitePage({
      nonce: 'abc',
      config: { ...CONFIG, translations: { de: GERMAN } },
      head: `${TAGS}${blocked('analytics', countRun('analytics-inline'))}`,
      body: '<main><p>Text</p><footer><privacy-settings-button></privacy-settings-button></footer></main>',
    });
    page(server, '/csp-dialog.html', html.replace('<html lang="nl">', '<html lang="de">'), CSP);
  });

  /** Computed styles of the dialog and a switch next to an unstyled <dialog> and checkbox. */
  const styles = (tab) =>
    tab.evaluate(() => {
      const pick = (el, names) => Object.fromEntries(names.map((n) => [n, getComputedStyle(el).getPropertyValue(n)]));
      const root = document.querySelector('privacy-preferences').shadowRoot;
      const plainDialog = document.body.appendChild(document.createElement('dialog'));
      const plainBox = document.body.appendChild(Object.assign(document.createElement('input'), { type: 'checkbox' }));
      const dialogProps = ['border-radius', 'box-shadow', 'padding-top'];
      const toggleProps = ['appearance', 'border-radius', 'width', 'height', 'background-color'];
      const result = {
        dialog: pick(root.querySelector('dialog'), dialogProps),
        plainDialog: pick(plainDialog, dialogProps),
        toggle: pick(root.querySelector('[part="toggle"][data-category="analytics"]'), toggleProps),
        plainToggle: pick(plainBox, toggleProps),
      };
      plainDialog.remove();
      plainBox.remove();
      return result;
    });

  it('opens the dialog (a lazy chunk) in German, saves a switch, and stays styled with no violation, activated scripts carrying the nonce', async () => {
    const { context, tab, errors, pageErrors } = await visit('/csp-dialog.html', { host: 'www.site.test' });
    await tab.locator('privacy-banner [part="preferences-button"]').click();
    await tab.locator('privacy-preferences dialog[open]').waitFor();
    // The dialog's chunk and i18next (loaded for the config's translations) came in under the CSP.
    const uiChunks = () =>
      tab.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/privacy-kit/ui/')),
      );
    await tab.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/ui\/i18next-[\w-]+\.js$/.test(e.name)));
    const loaded = await uiChunks();
    assert.ok(loaded.some((p) => /\/privacy-preferences-[\w-]+\.js$/.test(p)), loaded.join());
    assert.ok(loaded.some((p) => /\/i18next-[\w-]+\.js$/.test(p)), loaded.join());
    assert.equal(await tab.locator('privacy-preferences [part="title"]').textContent(), GERMAN['preferences.title']);
    assert.equal((await tab.locator('privacy-preferences [part="save-button"]').textContent()).trim(), GERMAN['preferences.save']);

    const { dialog, plainDialog, toggle, plainToggle } = await styles(tab);
    for (const [name, value] of Object.entries(dialog)) assert.notEqual(value, plainDialog[name], `dialog ${name} is the browser default`);
    for (const [name, value] of Object.entries(toggle)) assert.notEqual(value, plainToggle[name], `toggle ${name} is the browser default`);

    const analytics = tab.locator('privacy-preferences [role="switch"][data-category="analytics"]');
    await analytics.click();
    assert.equal(await analytics.isChecked(), true);
    // A switched-on switch looks different (its background eases over, so wait for the change).
    await tab.waitForFunction(([el, off]) => getComputedStyle(el).backgroundColor !== off, [await analytics.elementHandle(), toggle['background-color']]);
    await tab.locator('privacy-preferences [part="save-button"]').click();
    await tab.waitForFunction(() => (window.__vendor ?? []).includes('gtag:G-ABC') && (window.__vendor ?? []).includes('adobe-tags'));
    await tab.waitForFunction(() => window.__runs?.['analytics-inline'] === 1);
    const state = await tab.evaluate(() => window.privacyKit.getConsent());
    assert.deepEqual([state.categories.analytics, state.categories.marketing], [true, false]);

    const scripts = await tab.evaluate(() =>
      Array.from(document.querySelectorAll('script[data-consent]'), (s) => ({ consent: s.dataset.consent, type: s.type, nonce: s.nonce })),
    );
    assert.equal(scripts.length, 4);
    for (const script of scripts) assert.deepEqual({ type: script.type, nonce: script.nonce }, { type: '', nonce: 'abc' }, script.consent);
    assert.deepEqual(await tab.evaluate(() => window.__violations), []);
    assert.deepEqual(errors.filter((e) => /Content.Security.Policy|Refused to/i.test(e)), []);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});

describe('known-failure #8: a second loader, a second UI request and single-page routes', () => {
  before(() => {
    const html = sitePage({
      body: `<div id="app"><main><h1>Home</h1>
        <privacy-settings-button></privacy-settings-button>
        <privacy-settings-button variant="floating"></privacy-settings-button></main></div>`,
    }).replace('</head>', '<script src="/privacy-kit/privacy-kit.js"></script></head>');
    page(server, '/spa.html', html);
  });

  const count = (tab, selector) => tab.evaluate((s) => document.querySelectorAll(s).length, selector);
  const uiLoads = (tab) =>
    tab.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/ui/privacy-kit-ui.js')).length);

  it('one banner and one preferences dialog, however often the page asks; an iframe added by a route change stays gated until consent', async () => {
    const { context, tab, errors, pageErrors } = await visit('/spa.html');
    await tab.locator('privacy-banner [part="banner"]').waitFor();
    // Both settings buttons and the API ask for the preferences, before the dialog exists.
    await tab.evaluate(async () => {
      const buttons = Array.from(document.querySelectorAll('privacy-settings-button'), (b) => b.shadowRoot?.querySelector('button'));
      window.privacyKit.showPreferences();
      window.privacyKit.showPreferences();
      for (const button of buttons) button?.click();
      await window.privacyKit.showPreferences();
    });
    await tab.locator('privacy-preferences dialog[open]').waitFor();
    await tab.waitForLoadState('networkidle');
    assert.equal(await count(tab, 'privacy-banner'), 1, 'one banner');
    assert.equal(await count(tab, 'privacy-preferences'), 1, 'one preferences dialog');
    assert.equal(await uiLoads(tab), 1, 'the UI is requested once');
    await tab.keyboard.press('Escape');
    await tab.locator('privacy-preferences dialog[open]').waitFor({ state: 'detached' });
    assert.equal(await tab.evaluate(() => window.privacyKit.getConsent()), null, 'Esc is not consent');

    // A route change: the app replaces its content (a new settings button, a video embed) and,
    // as some routers do, runs the loader's script tag again.
    await tab.evaluate(async () => {
      history.pushState({}, '', '/spa/video');
      const main = document.createElement('main');
      main.innerHTML = `<h1>Video</h1><privacy-settings-button></privacy-settings-button>
        <iframe id="video" data-consent="youtube" data-src="/frame.html?spa-route"></iframe>`;
      document.getElementById('app').replaceChildren(main);
      const loader = document.createElement('script');
      loader.src = '/privacy-kit/privacy-kit.js';
      await new Promise((resolve, reject) => {
        loader.onload = resolve;
        loader.onerror = reject;
        document.head.append(loader);
      });
    });
    await tab.waitForFunction(() => !!document.querySelector('#app privacy-settings-button')?.shadowRoot?.querySelector('button'));
    await settleBlocked(tab, '#app main');
    assert.equal(await count(tab, 'privacy-banner'), 1, 'still one banner after the route change');
    assert.equal(await count(tab, 'privacy-preferences'), 1);
    assert.equal(await tab.evaluate(() => document.getElementById('video').getAttribute('src')), null, 'the embed is still blocked');
    const frameHits = () => server.log.filter((r) => r.path === '/frame.html' && r.search === '?spa-route').length;
    assert.equal(frameHits(), 0);

    await tab.locator('privacy-banner [part="accept-button"]').click();
    await tab.waitForFunction(() => document.getElementById('video').contentDocument?.body?.textContent === 'video');
    assert.equal(frameHits(), 1);
    assert.equal(await count(tab, 'privacy-banner'), 1);
    assert.equal(await uiLoads(tab), 1);
    const consent = (await consentCommands(tab)).map((c) => c[1]);
    assert.deepEqual(consent, ['default', 'update'], 'one default and one update, not one per loader');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('known-failure #1: withdrawal denies every Consent Mode type it had granted', () => {
  before(() => {
    const config = { ...CONFIG, categories: { ...CONFIG.categories, preferences: {} } };
    page(server, '/withdraw.html', sitePage({ config, body: '<main><privacy-settings-button></privacy-settings-button></main>' }));
  });

  const lastConsent = async (tab) => (await consentCommands(tab)).at(-1);
  function assertAll(command, value) {
    assert.equal(command?.[0], 'consent');
    assert.equal(command?.[1], 'update');
    for (const type of DENIED_BY_DEFAULT) assert.equal(command[2][type], value, `${type} ${value}`);
    assert.equal(command[2].security_storage, 'granted');
  }

  it('switching every category off in the preferences sends an update with analytics, ad and preference storage denied, also after a reload', async () => {
    const ctx = await newContext(browser);
    const { tab } = await visit('/withdraw.html', { context: ctx });
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
    const { context, tab } = await visit('/withdraw.html');
    await tab.evaluate(async () => await window.privacyKit.acceptAll());
    assertAll(await lastConsent(tab), 'granted');
    await tab.evaluate(async () => await window.privacyKit.rejectAll());
    assertAll(await lastConsent(tab), 'denied');
    assert.equal(await tab.evaluate(() => window['ga-disable-G-ABC']), true);
    await context.close();
  });
});
