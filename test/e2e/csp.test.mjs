// Strict CSP (known-failure #5): `script-src 'nonce-abc' 'strict-dynamic'; style-src 'self'`, no
// unsafe-inline. The loader, the scripts it activates and the tags it injects must all run without
// a single securitypolicyviolation, carrying the nonce.
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

const CSP = { 'content-security-policy': "script-src 'nonce-abc' 'strict-dynamic'; style-src 'self'" };

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page(
    server,
    '/csp.html',
    sitePage({
      nonce: 'abc',
      body: '<main><p>Tekst</p><privacy-settings-button></privacy-settings-button></main>',
    }),
    CSP,
  );
  const loadConfig = {
    ...CONFIG,
    services: {
      ...CONFIG.services,
      'google-analytics': { category: 'analytics', load: true, google: { measurementId: 'G-LOAD' } },
    },
  };
  // Markup injected into the page (a comment field that lets HTML through): blocked scripts without the nonce.
  const injected =
    '<script type="text/plain" data-consent="necessary">window.__injected = "inline"</script>' +
    '<script type="text/plain" data-consent="analytics" data-src="https://www.googletagmanager.com/gtag/js?id=G-INJECTED"></script>';
  page(
    server,
    '/csp-injected.html',
    sitePage({ nonce: 'abc', body: `<main><p>Tekst</p>${injected}</main>` }),
    CSP,
  );
  page(server, '/csp-load.html', sitePage({ nonce: 'abc', config: loadConfig, head: '' }), CSP);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(path) {
  const { context, vendorRequests } = await newContext(browser);
  const { page: tab, pageErrors, errors } = await openPage(context);
  const response = await tab.goto(server.origin('www.site.test') + path, { waitUntil: 'networkidle' });
  assert.match(response.headers()['content-security-policy'], /strict-dynamic/);
  await tab.evaluate(() => window.privacyKit.ready);
  return { context, tab, pageErrors, errors, vendorRequests };
}

const violations = (tab) => tab.evaluate(() => window.__violations);

describe('script tag under a strict CSP', () => {
  it('activates nonced blocked scripts with their nonce and no violation', async () => {
    const { context, tab, pageErrors } = await visit('/csp.html');
    assert.deepEqual(await violations(tab), []);
    await tab.evaluate(() => window.privacyKit.acceptAll());
    await tab.waitForFunction(
      () => (window.__vendor ?? []).includes('gtag:G-ABC') && (window.__vendor ?? []).includes('adobe-tags'),
    );
    const commands = (await dataLayer(tab)).map((e) => e.value);
    assert.ok(
      commands.some((c) => c[0] === 'config' && c[1] === 'G-ABC'),
      'the inline blocked script ran',
    );
    const nonces = await tab.evaluate(() =>
      Array.from(document.querySelectorAll('script[data-consent]'), (s) => ({
        type: s.type,
        nonce: s.nonce,
      })),
    );
    assert.equal(nonces.length, 3);
    for (const script of nonces) assert.deepEqual(script, { type: '', nonce: 'abc' });
    // The UI and runtime modules are imported by the nonced loader, whose nonce they inherit.
    assert.ok(
      await tab.evaluate(() => !!customElements.get('privacy-banner')),
      'the UI module ran under the policy',
    );
    assert.deepEqual(await violations(tab), []);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it("runs no blocked script without the nonce: injected markup cannot borrow the loader's trust", async () => {
    const { context, tab, vendorRequests } = await visit('/csp-injected.html');
    await tab.evaluate(() => window.privacyKit.acceptAll());
    await tab.waitForFunction(() => (window.__vendor ?? []).includes('gtag:G-ABC'));
    await tab.waitForLoadState('networkidle');
    assert.equal(await tab.evaluate(() => window.__injected), undefined);
    assert.deepEqual(
      vendorRequests.filter((url) => url.includes('G-INJECTED')),
      [],
    );
    assert.ok(
      vendorRequests.some((url) => url.includes('G-ABC')),
      'the nonced blocked script loaded',
    );
    assert.deepEqual(await violations(tab), []);
    await context.close();
  });

  it('injects gtag.js for a "load": true service with the nonce, only after consent, without violation', async () => {
    const { context, tab, vendorRequests } = await visit('/csp-load.html');
    assert.deepEqual(vendorRequests, []);
    await tab.evaluate(() => window.privacyKit.acceptAll());
    await tab.waitForFunction(() => (window.__vendor ?? []).includes('gtag:G-LOAD'));
    const script = await tab.evaluate(() => {
      const s = document.querySelector('script[src^="https://www.googletagmanager.com/gtag/js"]');
      return { src: s.src, nonce: s.nonce };
    });
    assert.deepEqual(script, { src: 'https://www.googletagmanager.com/gtag/js?id=G-LOAD', nonce: 'abc' });
    const commands = (await dataLayer(tab)).map((e) => e.value);
    const update = commands.findIndex((c) => c[0] === 'consent' && c[1] === 'update');
    assert.ok(update > 0 && update < commands.findIndex((c) => c[0] === 'config' && c[1] === 'G-LOAD'));
    assert.equal(await tab.evaluate(() => window.__gtagSawConsent.analytics_storage), 'granted');
    assert.deepEqual(await violations(tab), []);
    await context.close();
  });
});
