// The script-tag contract from outside: nothing reaches Google or Adobe before consent or after a
// refusal; after "accept" the tags run with Consent Mode in the right order; returning visitors
// get no banner; a broken config breaks nothing; content added by a SPA route is gated.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  CONFIG,
  dataLayer,
  launchBrowser,
  newContext,
  openPage,
  page,
  sitePage,
  startServer,
} from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page(server, '/', sitePage());
  page(server, '/frame.html', '<!doctype html><title>video</title><p>video');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` on 127.0.0.1 in a fresh context and waits for the loader to be ready. */
async function visit(path = '/', { context: existing } = {}) {
  const ctx = existing ?? (await newContext(browser));
  const { page: tab, errors, warnings, pageErrors } = await openPage(ctx.context);
  await tab.goto(server.origin() + path, { waitUntil: 'networkidle' });
  await tab.evaluate(() => window.privacyKit.ready);
  return { ...ctx, tab, errors, warnings, pageErrors };
}

const vendorRan = (tab) => tab.evaluate(() => window.__vendor ?? []);
const waitForVendor = (tab, name) => tab.waitForFunction((n) => (window.__vendor ?? []).includes(n), name);

describe('script tag: gating Google and Adobe', () => {
  it('sends nothing to Google or Adobe before consent, and shows the banner', async () => {
    const { context, tab, vendorRequests, blocked, pageErrors } = await visit();
    assert.deepEqual(vendorRequests, []);
    assert.deepEqual(blocked, []);
    assert.deepEqual(await vendorRan(tab), []);
    assert.equal(await tab.evaluate(() => document.querySelectorAll('body > privacy-banner').length), 1);
    assert.equal(await tab.evaluate(() => window.privacyKit.getConsent()), null);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('sends nothing after "Reject all", also after a reload', async () => {
    const { context, tab, vendorRequests } = await visit();
    await tab.evaluate(() => window.privacyKit.rejectAll());
    await tab.reload({ waitUntil: 'networkidle' });
    await tab.evaluate(() => window.privacyKit.ready);
    assert.deepEqual(vendorRequests, []);
    assert.deepEqual(await vendorRan(tab), []);
    assert.equal(await tab.evaluate(() => document.querySelector('privacy-banner')), null);
    await context.close();
  });

  it('after "Accept all" runs GA and Adobe, with default before config and an update granted before the first hit', async () => {
    const { context, tab, vendorRequests } = await visit();
    await tab.evaluate(() => window.privacyKit.acceptAll());
    await waitForVendor(tab, 'gtag:G-ABC');
    await waitForVendor(tab, 'adobe-tags');
    const layer = await dataLayer(tab);
    assert.ok(
      layer.every((e) => e.args),
      'every dataLayer entry is an Arguments object',
    );
    const commands = layer.map((e) => e.value);
    const index = (fn) => commands.findIndex(fn);
    const firstConsent = commands.find((c) => c[0] === 'consent');
    assert.equal(firstConsent[1], 'default');
    for (const key of ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'])
      assert.equal(firstConsent[2][key], 'denied');
    const update = index((c) => c[0] === 'consent' && c[1] === 'update');
    assert.equal(commands[update][2].analytics_storage, 'granted');
    assert.ok(index((c) => c[1] === 'default') < update);
    assert.ok(update < index((c) => c[0] === 'config'), 'update before config');
    // gtag.js saw analytics granted when it loaded, so its first hit was a consented one.
    assert.equal(await tab.evaluate(() => window.__gtagSawConsent.analytics_storage), 'granted');
    assert.ok(vendorRequests.some((u) => u.startsWith('https://www.googletagmanager.com/gtag/js?id=G-ABC')));
    assert.ok(vendorRequests.some((u) => u.includes('assets.adobedtm.com')));
    await context.close();
  });

  it('runs the tags for a returning visitor without inserting or loading the banner', async () => {
    const ctx = await newContext(browser);
    const first = await visit('/', { context: ctx });
    await first.tab.evaluate(() => window.privacyKit.acceptAll());
    await waitForVendor(first.tab, 'gtag:G-ABC');
    await first.tab.close();
    const uiRequests = () => server.log.filter((r) => r.path.startsWith('/privacy-kit/ui/')).length;
    const uiBefore = uiRequests();
    const { page: tab } = await openPage(ctx.context);
    // Checked at DOMContentLoaded as well as later: the banner must never be painted, not even briefly.
    await tab.addInitScript(() =>
      document.addEventListener(
        'DOMContentLoaded',
        () => (window.__bannerAtReady = !!document.querySelector('privacy-banner')),
      ),
    );
    await tab.goto(server.origin() + '/', { waitUntil: 'networkidle' });
    await waitForVendor(tab, 'gtag:G-ABC');
    await waitForVendor(tab, 'adobe-tags');
    assert.equal(await tab.evaluate(() => window.__bannerAtReady), false);
    assert.equal(await tab.evaluate(() => document.querySelector('privacy-banner')), null);
    assert.equal(uiRequests(), uiBefore, 'a returning visitor downloads only the loader');
    const updates = (await dataLayer(tab)).map((e) => e.value).filter((c) => c[0] === 'consent');
    assert.deepEqual(
      updates.map((c) => c[1]),
      ['default', 'update'],
    );
    await ctx.context.close();
  });

  it('accepts the config from a data-config URL', async () => {
    server.pages.set('/config.json', {
      body: JSON.stringify(CONFIG),
      headers: { 'content-type': 'application/json' },
    });
    page(server, '/from-url.html', sitePage({ config: null, loader: 'data-config="/config.json"' }));
    const { context, tab, errors } = await visit('/from-url.html');
    assert.equal(await tab.evaluate(() => window.privacyKit.config.revision), CONFIG.revision);
    await tab.evaluate(() => window.privacyKit.acceptAll());
    await waitForVendor(tab, 'gtag:G-ABC');
    assert.deepEqual(
      errors.filter((e) => e.includes('privacy-kit') && !e.includes('UI')),
      [],
    );
    await context.close();
  });

  for (const [name, options, expected] of [
    [
      'an invalid config',
      { config: { revision: 5, categories: { analytics: {} }, google: { waitForUpdate: -1 } } },
      /revision/,
    ],
    [
      'a service naming an unknown category',
      { config: { ...CONFIG, services: { x: { category: 'video' } } } },
      /services\.x\.category/,
    ],
    ['config that is not JSON', { config: '{ "revision": ' }, /not valid JSON/],
    ['no config at all', { config: null }, /no config: add .* before privacy-kit\.js, or data-config/],
    [
      'an unreachable config URL',
      { config: null, loader: 'data-config="/missing.json"' },
      /could not load the config.*404/,
    ],
    [
      'a config URL that cannot be parsed (a templating slip)',
      { config: null, loader: 'data-config="https://[cdn]/privacy.json"' },
      /could not load the config from https:\/\/\[cdn\]\/privacy\.json: TypeError.*URL/,
    ],
  ]) {
    it(`with ${name}: one console.error naming it, nothing loads but what is marked necessary, the page keeps working`, async () => {
      const body =
        '<button id="b" onclick="this.textContent=1">x</button>' +
        '<script type="text/plain" data-consent="necessary">window.__necessary = true</script>' +
        '<img data-consent="necessary" data-src="/necessary.png" alt="">';
      const path = page(server, `/bad-${name.replace(/\W+/g, '-')}.html`, sitePage({ ...options, body }));
      const { context, tab, errors, warnings, pageErrors, vendorRequests } = await visit(path);
      // The browser's own "Failed to load resource" line for a 404 is not ours.
      const ours = errors.filter((e) => !e.startsWith('Failed to load resource'));
      assert.equal(ours.length, 1, errors.join('\n'));
      assert.match(ours[0], /^privacy-kit: /);
      assert.match(ours[0], expected);
      assert.deepEqual(pageErrors, []);
      // The API exists and is inert: "accept" grants nothing, nothing loads.
      // `null` at once, not a Promise of it (README: PageDecision).
      assert.equal(await tab.evaluate(() => String(window.privacyKit.acceptAll())), 'null');
      assert.equal(await tab.evaluate(() => window.privacyKit.isGranted('analytics')), false);
      await tab.waitForLoadState('networkidle');
      assert.deepEqual(vendorRequests, []);
      assert.equal(
        await tab.evaluate(() => document.querySelectorAll('script[type="text/plain"]').length),
        3,
      );
      // DESIGN.md: only non-necessary content stays blocked; necessary content runs, unwarned.
      assert.equal(await tab.evaluate(() => window.__necessary), true);
      assert.equal(
        await tab.evaluate(() => document.querySelector('img').getAttribute('src')),
        '/necessary.png',
      );
      assert.deepEqual(
        warnings.filter((w) => w.includes('data-consent')),
        [],
      );
      const consent = (await dataLayer(tab)).map((e) => e.value).find((c) => c[0] === 'consent');
      assert.equal(consent?.[1], 'default', 'Consent Mode still defaults to denied');
      assert.equal(consent?.[2].wait_for_update, 500, 'a waitForUpdate the config refuses is not used');
      await context.close();
    });
  }

  it('with a broken config the privacy statement still renders; a settings button that could open nothing is not shown', async () => {
    const statement = readFileSync(new URL('../../statements/kopgroep.nl.json', import.meta.url), 'utf8');
    server.pages.set('/statement.json', { body: statement, headers: { 'content-type': 'application/json' } });
    const body =
      '<main><privacy-statement src="/statement.json"></privacy-statement>' +
      '<privacy-settings-button></privacy-settings-button></main>';
    // Not JSON: nothing is validated, so nothing fetches the UI on the way.
    const path = page(server, '/broken-statement.html', sitePage({ config: '{ "revision": ', body }));
    const { context, tab, errors, pageErrors } = await visit(path);
    await tab.locator('privacy-statement h1, privacy-statement h2').first().waitFor();
    const title = await tab.evaluate(
      () => document.querySelector('privacy-statement').shadowRoot.querySelector('h1, h2').textContent,
    );
    assert.equal(title.trim(), 'Privacyverklaring');
    await tab.waitForFunction(() => customElements.get('privacy-settings-button'));
    assert.equal(await tab.locator('privacy-settings-button button').count(), 0);
    assert.equal(errors.filter((e) => e.startsWith('privacy-kit')).length, 1, errors.join('\n'));
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('works on a plain-http host that is not a secure context (no crypto.randomUUID there)', async () => {
    const { context } = await newContext(browser);
    const { page: tab, pageErrors } = await openPage(context);
    await tab.goto(server.origin('www.site.test') + '/', { waitUntil: 'networkidle' });
    assert.equal(await tab.evaluate(() => window.isSecureContext), false);
    const state = await tab.evaluate(() => window.privacyKit.acceptAll());
    assert.equal(state?.categories.analytics, true);
    await waitForVendor(tab, 'gtag:G-ABC');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('does nothing more when the loader is included twice', async () => {
    const html = sitePage().replace('</head>', '<script src="/privacy-kit/privacy-kit.js"></script></head>');
    const { context, tab, pageErrors } = await visit(page(server, '/twice.html', html));
    await tab.evaluate(() => window.privacyKit.acceptAll());
    await waitForVendor(tab, 'gtag:G-ABC');
    const consent = (await dataLayer(tab)).map((e) => e.value).filter((c) => c[0] === 'consent');
    assert.deepEqual(
      consent.map((c) => c[1]),
      ['default', 'update'],
    );
    assert.equal((await vendorRan(tab)).filter((v) => v === 'gtag:G-ABC').length, 1);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('inserts the banner again after reset()', async () => {
    const { context, tab } = await visit();
    await tab.evaluate(() => window.privacyKit.acceptAll());
    await tab.evaluate(() => document.querySelector('privacy-banner')?.remove());
    await tab.evaluate(() => window.privacyKit.reset());
    await tab.waitForFunction(() => document.querySelectorAll('body > privacy-banner').length === 1);
    await context.close();
  });

  it('gates an iframe inserted after a history.pushState route change (SPA)', async () => {
    const { context, tab } = await visit();
    const insertFrame = (id) =>
      tab.evaluate((frameId) => {
        history.pushState({}, '', '/video/' + frameId);
        const frame = document.createElement('iframe');
        frame.id = frameId;
        frame.dataset.consent = 'youtube';
        frame.dataset.src = '/frame.html?' + frameId;
        document.querySelector('main').append(frame);
      }, id);
    await insertFrame('before');
    await tab.waitForLoadState('networkidle');
    const frameHits = (id) =>
      server.log.filter((r) => r.path === '/frame.html' && r.search === '?' + id).length;
    assert.equal(frameHits('before'), 0);
    assert.equal(await tab.evaluate(() => document.getElementById('before').getAttribute('src')), null);
    await tab.evaluate(() => window.privacyKit.update({ categories: { marketing: true } }));
    await tab.waitForFunction(
      () => document.getElementById('before').contentDocument?.body?.textContent === 'video',
    );
    await insertFrame('after');
    await tab.waitForFunction(
      () => document.getElementById('after').contentDocument?.body?.textContent === 'video',
    );
    assert.equal(frameHits('before'), 1);
    await tab.evaluate(() => window.privacyKit.update({ services: { youtube: false } }));
    assert.equal(
      await tab.evaluate(() => document.getElementById('after').getAttribute('src')),
      'about:blank',
    );
    await context.close();
  });
});
