// The loader carries only what a returning visitor needs; the decision code and the config
// validator (ui/privacy-kit-runtime.js) come when something needs them. These tests pin down when
// that happens and that nothing is lost or granted early while it loads.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
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
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const runtimeRequests = () => server.hits('/privacy-kit/ui/privacy-kit-runtime.js');
const waitForVendor = (tab, name) => tab.waitForFunction((n) => (window.__vendor ?? []).includes(n), name);

/** The runtime borrows the loader's modules under a key naming their build (scripts/lend.mjs). */
const serveRuntimeOfAnotherBuild = (tab) =>
  tab.route('**/ui/privacy-kit-runtime.js*', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/privacy-kit:[0-9a-f]{12}/g, 'privacy-kit:000000000000');
    await route.fulfill({ response, body });
  });

/** A context whose visitor accepted everything on `/`; the first tab is closed again. */
async function returningVisitor() {
  const ctx = await newContext(browser);
  const { page: first } = await openPage(ctx.context);
  await first.goto(server.origin() + '/', { waitUntil: 'networkidle' });
  await first.evaluate(() => window.privacyKit.ready);
  await first.evaluate(() => window.privacyKit.acceptAll());
  await first.close();
  return ctx;
}

async function open(ctx, path = '/') {
  const tab = await openPage(ctx.context);
  await tab.page.goto(server.origin() + path, { waitUntil: 'networkidle' });
  await tab.page.evaluate(() => window.privacyKit.ready);
  return tab;
}

describe('script tag: the lazily loaded decision code', () => {
  it('after `ready` on a page with the banner, actions take effect at once (no Promise)', async () => {
    const { context } = await newContext(browser);
    const { page: tab } = await open({ context });
    const result = await tab.evaluate(() => {
      const state = window.privacyKit.acceptAll();
      return {
        promise: state instanceof Promise,
        analytics: window.privacyKit.getConsent()?.categories.analytics,
      };
    });
    assert.deepEqual(result, { promise: false, analytics: true });
    await context.close();
  });

  it('after `ready`, actions take effect at once also when the config was validated on an earlier page', async () => {
    const { context } = await newContext(browser);
    await (await open({ context })).page.close(); // validates and remembers the config; no decision
    const { page: tab } = await openPage(context);
    // A slow network: the page is parsed long before the decision code arrives.
    await tab.route('**/ui/privacy-kit-runtime.js*', (route) =>
      setTimeout(() => void route.continue(), 1000),
    );
    await tab.goto(server.origin() + '/', { waitUntil: 'domcontentloaded' });
    const promise = await tab.evaluate(async () => {
      await window.privacyKit.ready;
      return window.privacyKit.acceptAll() instanceof Promise;
    });
    assert.equal(promise, false);
    await context.close();
  });

  it('a returning visitor page loads no decision code, yet an action works: it returns a Promise of the new state', async () => {
    const ctx = await returningVisitor();
    const before = runtimeRequests();
    const { page: tab } = await open(ctx);
    await waitForVendor(tab, 'gtag:G-ABC');
    assert.equal(runtimeRequests(), before, 'nothing but the loader for a returning visitor');
    const result = await tab.evaluate(async () => {
      const pending = window.privacyKit.rejectAll();
      const stale = window.privacyKit.getConsent().categories.analytics;
      const state = await pending;
      return {
        promise: pending instanceof Promise,
        stale,
        resolved: state.categories.analytics,
        now: window.privacyKit.getConsent().categories.analytics,
        gaDisabled: window['ga-disable-G-ABC'],
      };
    });
    assert.deepEqual(result, { promise: true, stale: true, resolved: false, now: false, gaDisabled: true });
    assert.equal(runtimeRequests(), before + 1);
    const last = (await dataLayer(tab))
      .map((e) => e.value)
      .filter((c) => c[0] === 'consent')
      .at(-1);
    assert.deepEqual([last[1], last[2].analytics_storage], ['update', 'denied']);
    await ctx.context.close();
  });

  it("a settings button on a returning visitor's page loads the elements only; the dialog brings the decision code and saves", async () => {
    const ctx = await returningVisitor();
    const path = page(
      server,
      '/with-button.html',
      sitePage({ body: '<main><privacy-settings-button></privacy-settings-button></main>' }),
    );
    const runtimeBefore = runtimeRequests();
    const uiBefore = server.hits('/privacy-kit/ui/privacy-kit-ui.js');
    const { page: tab } = await open(ctx, path);
    await tab.locator('privacy-settings-button button').waitFor();
    assert.equal(server.hits('/privacy-kit/ui/privacy-kit-ui.js'), uiBefore + 1);
    assert.equal(runtimeRequests(), runtimeBefore, 'no decision code until the visitor asks for it');
    await tab.locator('privacy-settings-button button').click();
    await tab.locator('privacy-preferences dialog[open]').waitFor();
    await tab.locator('privacy-preferences [part~="toggle"][data-category="analytics"]').click();
    await tab.locator('privacy-preferences [part~="save-button"]').click();
    await tab.waitForFunction(() => window.privacyKit.getConsent()?.categories.analytics === false);
    assert.equal(runtimeRequests(), runtimeBefore + 1);
    await ctx.context.close();
  });

  it('loads the elements for a privacy-* element inserted later inside other markup (a new SPA view)', async () => {
    const ctx = await returningVisitor();
    const uiBefore = server.hits('/privacy-kit/ui/privacy-kit-ui.js');
    const { page: tab } = await open(ctx);
    assert.equal(server.hits('/privacy-kit/ui/privacy-kit-ui.js'), uiBefore);
    await tab.evaluate(() => {
      const view = document.createElement('section');
      view.innerHTML = '<p>Cookies</p><privacy-settings-button></privacy-settings-button>';
      document.body.append(view);
    });
    await tab.locator('privacy-settings-button button').waitFor({ timeout: 10_000 });
    assert.equal(server.hits('/privacy-kit/ui/privacy-kit-ui.js'), uiBefore + 1);
    await ctx.context.close();
  });

  for (const [where, options] of [
    ['with defer (added by a speed plugin)', { loader: 'defer' }],
    ['at the end of <body>', {}],
  ]) {
    it(`with the loader ${where}, the elements load for a settings button the parser had already inserted`, async () => {
      const body = '<privacy-settings-button></privacy-settings-button>';
      let html = sitePage({ ...options, body });
      if (!options.loader) {
        // The loader and its config moved to the end of the body, after the button.
        const loader = html.match(
          /<script type="application\/json" id="privacy-kit-config">[^]*?<\/script>\s*<script src="\/privacy-kit\/privacy-kit.js"[^>]*><\/script>/,
        )[0];
        html = html.replace(loader, '').replace('</body>', loader + '</body>');
      }
      const path = page(server, `/late-loader-${options.loader ?? 'body'}.html`, html);
      const ctx = await returningVisitor();
      const { page: tab } = await open(ctx, path);
      await tab.locator('privacy-settings-button button').waitFor({ timeout: 10_000 });
      await ctx.context.close();
    });
  }

  it('a decision in another tab reaches a tab that had not loaded the decision code', async () => {
    const ctx = await returningVisitor();
    const { page: reader } = await open(ctx);
    const { page: other } = await open(ctx);
    await other.evaluate(() => window.privacyKit.rejectAll());
    await reader.waitForFunction(() => window.privacyKit.getConsent()?.categories.analytics === false);
    assert.equal(await reader.evaluate(() => window['ga-disable-G-ABC']), true);
    await reader.evaluate(() =>
      window.privacyKit.on('change', (c) => (window.__change = { remote: c.remote, granted: c.granted })),
    );
    await other.evaluate(() => window.privacyKit.update({ categories: { analytics: true } }));
    const change = await (await reader.waitForFunction(() => window.__change)).jsonValue();
    assert.equal(change.remote, true);
    assert.ok(change.granted.includes('analytics'));
    await ctx.context.close();
  });

  it("a returning visitor's page sends the receipt an earlier page could not, with no decision to make", async () => {
    let status = 503;
    server.pages.set('/receipts', () => ({ status, body: '{}', headers: { 'retry-after': '3600' } }));
    const path = page(
      server,
      '/with-sync.html',
      sitePage({ config: { ...CONFIG, sync: { endpoint: '/receipts' } } }),
    );
    const ctx = await newContext(browser);
    const { page: first } = await open(ctx, path);
    const refused = first.waitForResponse((r) => r.url().endsWith('/receipts'));
    await first.evaluate(() => window.privacyKit.acceptAll());
    assert.equal((await refused).status(), 503);
    await first.close();
    status = 201;
    const { page: next } = await openPage(ctx.context);
    await next.goto(server.origin() + path);
    await next.waitForFunction(
      () => localStorage.getItem('privacy-kit:receipts:privacy_consent') === '[]',
      null,
      {
        timeout: 10_000,
      },
    );
    assert.equal(await next.evaluate(() => window.privacyKit.needsDecision()), false);
    await ctx.context.close();
  });

  it('keeps listening to other tabs when the decision code failed to load for the first message', async () => {
    const ctx = await returningVisitor();
    const reader = await openPage(ctx.context);
    let failures = 0;
    await reader.page.route('**/ui/privacy-kit-runtime.js*', (route) =>
      failures++ === 0 ? route.abort('connectionreset') : route.continue(),
    );
    await reader.page.goto(server.origin() + '/', { waitUntil: 'networkidle' });
    await reader.page.evaluate(() => window.privacyKit.ready);
    const { page: other } = await open(ctx);
    // The first message finds no decision code (the fetch fails); the second must still arrive.
    await other.evaluate(() => window.privacyKit.update({ categories: { marketing: false } }));
    const failed = () => reader.errors.some((e) => e.startsWith('privacy-kit: could not load'));
    while (!failed()) await new Promise((resolve) => setTimeout(resolve, 20));
    await other.evaluate(() => window.privacyKit.rejectAll());
    await reader.page.waitForFunction(() => window.privacyKit.getConsent()?.categories.analytics === false);
    assert.equal(await reader.page.evaluate(() => window['ga-disable-G-ABC']), true);
    await ctx.context.close();
  });

  it('an action whose decision code fails to load resolves to null, says so, and the next one loads it again', async () => {
    const ctx = await returningVisitor();
    const { page: tab, errors } = await openPage(ctx.context);
    let failures = 0;
    await tab.route('**/ui/privacy-kit-runtime.js*', (route) =>
      failures++ === 0 ? route.abort('connectionreset') : route.continue(),
    );
    await tab.goto(server.origin() + '/', { waitUntil: 'networkidle' });
    await tab.evaluate(() => window.privacyKit.ready);
    assert.equal(await tab.evaluate(() => window.privacyKit.rejectAll()), null);
    assert.ok(
      errors.some((e) => e.startsWith('privacy-kit: could not load')),
      errors.join('\n'),
    );
    assert.equal(await tab.evaluate(() => window.privacyKit.isGranted('analytics')), true, 'nothing changed');
    const state = await tab.evaluate(() => window.privacyKit.rejectAll());
    assert.equal(state?.categories.analytics, false);
    assert.equal(await tab.evaluate(() => window.privacyKit.isGranted('analytics')), false);
    await ctx.context.close();
  });

  it('refuses decision code from another build (a cached loader after a deploy): it says so and nothing runs', async () => {
    const { context } = await newContext(browser);
    const { page: tab, errors } = await openPage(context);
    await serveRuntimeOfAnotherBuild(tab);
    await tab.goto(server.origin() + '/', { waitUntil: 'networkidle' });
    await tab.evaluate(() => window.privacyKit.ready);
    assert.ok(
      errors.some(
        (e) =>
          e.startsWith('privacy-kit: could not load') &&
          e.includes('privacy-kit-runtime.js?v=') &&
          e.includes('runtime of another build'),
      ),
      errors.join('\n'),
    );
    assert.equal(await tab.evaluate(() => window.privacyKit.acceptAll()), null);
    assert.equal(await tab.evaluate(() => window.privacyKit.isGranted('google-analytics')), false);
    assert.deepEqual(await tab.evaluate(() => window.__vendor ?? []), []);
    await context.close();
  });

  it('with a config validated earlier, a runtime of another build leaves the banner up and says the choice was not saved', async () => {
    const ctx = await newContext(browser);
    // A first page validates and remembers the config; the visitor does not decide yet.
    const first = await open(ctx);
    await first.page.close();
    const { page: tab, errors } = await openPage(ctx.context);
    await serveRuntimeOfAnotherBuild(tab);
    await tab.goto(server.origin() + '/', { waitUntil: 'networkidle' });
    await tab.locator('privacy-banner [part="accept-button"]').click();
    await tab.waitForFunction(() =>
      document
        .querySelector('privacy-announcer')
        ?.shadowRoot?.textContent?.includes('niet worden opgeslagen'),
    );
    assert.equal(await tab.evaluate(() => window.privacyKit.isGranted('google-analytics')), false);
    assert.deepEqual(await tab.evaluate(() => window.__vendor ?? []), []);
    assert.ok(
      errors.some((e) => e.includes('runtime of another build')),
      errors.join('\n'),
    );
    await ctx.context.close();
  });

  it("asks for the runtime under its loader's build key, so no cache pairs it with another build's", async () => {
    const { context } = await newContext(browser);
    await open({ context });
    const requests = server.log.filter((r) => r.path === '/privacy-kit/ui/privacy-kit-runtime.js');
    assert.ok(requests.length > 0);
    for (const r of requests) assert.match(r.search, /^\?v=[0-9a-f]{12}$/);
    await context.close();
  });

  it('an action called before a data-config URL has answered waits for the config', async () => {
    server.pages.set('/slow-config.json', {
      body: JSON.stringify(CONFIG),
      headers: { 'content-type': 'application/json' },
    });
    const early = '<script>window.__early = window.privacyKit.rejectAll();</script>';
    const path = page(
      server,
      '/early.html',
      sitePage({ config: null, loader: 'data-config="/slow-config.json"', head: early }),
    );
    const { context } = await newContext(browser);
    const { page: tab, errors } = await openPage(context);
    await tab.route('**/slow-config.json', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await tab.goto(server.origin() + path, { waitUntil: 'networkidle' });
    const result = await tab.evaluate(async () => {
      const pending = window.__early;
      const state = await pending;
      return {
        promise: pending instanceof Promise,
        analytics: state?.categories.analytics,
        needs: window.privacyKit.needsDecision(),
      };
    });
    assert.deepEqual(result, { promise: true, analytics: false, needs: false });
    assert.deepEqual(
      errors.filter((e) => e.includes('privacy-kit')),
      [],
    );
    await context.close();
  });

  it('validates a config this browser has not seen: a stored "accept" does not run tags under a broken config', async () => {
    const ctx = await returningVisitor();
    // The site deploys a config with a mistake; the visitor's cookie still says "accepted".
    const broken = { ...CONFIG, services: { ...CONFIG.services, x: { category: 'video' } } };
    const path = page(server, '/broken.html', sitePage({ config: broken }));
    const { page: tab, errors } = await open(ctx, path);
    assert.deepEqual(
      errors.filter((e) => e.startsWith('privacy-kit')),
      ['privacy-kit: invalid config: services.x.category: unknown category "video"'],
    );
    assert.equal(await tab.evaluate(() => window.__vendor ?? []).then((v) => v.length), 0);
    assert.equal(await tab.evaluate(() => window.privacyKit.isGranted('google-analytics')), false);
    await ctx.context.close();
  });

  it('validates again a config that another build remembered as valid: new rules reach returning visitors', async () => {
    const ctx = await returningVisitor();
    // An earlier release accepted this config (its rules were laxer) and remembered its text.
    const broken = { ...CONFIG, services: { ...CONFIG.services, y: { category: 'video' } } };
    const fnv = (text) => {
      let hash = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x1000193);
      return (hash >>> 0).toString(36);
    };
    const { page: first } = await open(ctx);
    await first.evaluate(
      (sum) => localStorage.setItem('privacy-kit:valid-configs', sum),
      fnv(JSON.stringify(broken)),
    );
    const path = page(server, '/remembered-elsewhere.html', sitePage({ config: broken }));
    const { page: tab, errors } = await open(ctx, path);
    assert.deepEqual(
      errors.filter((e) => e.startsWith('privacy-kit')),
      ['privacy-kit: invalid config: services.y.category: unknown category "video"'],
    );
    assert.equal(await tab.evaluate(() => window.privacyKit.isGranted('google-analytics')), false);
    await ctx.context.close();
  });

  it('remembers a validated config, and validates again when its text changes', async () => {
    const ctx = await newContext(browser);
    const { page: tab } = await open(ctx);
    const remembered = () =>
      tab.evaluate(() => localStorage.getItem('privacy-kit:valid-configs').split(' ').length);
    assert.equal(await remembered(), 1);
    const changed = page(
      server,
      '/changed.html',
      sitePage({ config: { ...CONFIG, revision: '2024-01-01' } }),
    );
    await tab.goto(server.origin() + changed, { waitUntil: 'networkidle' });
    await tab.evaluate(() => window.privacyKit.ready);
    assert.equal(await remembered(), 2);
    // Eight at most: a site that changes its config often does not fill the visitor's storage.
    await tab.evaluate(() => localStorage.setItem('privacy-kit:valid-configs', 'a b c d e f g h'));
    await tab.goto(server.origin() + '/', { waitUntil: 'networkidle' });
    await tab.evaluate(() => window.privacyKit.ready);
    const list = await tab.evaluate(() => localStorage.getItem('privacy-kit:valid-configs').split(' '));
    assert.deepEqual(list.slice(1), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    await ctx.context.close();
  });
});
