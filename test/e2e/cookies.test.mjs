// Cookies from outside: withdrawal deletes the trackers' cookies on the host and the parent
// domain (known-failure #1); the consent cookie survives a reload wherever the site runs and can be
// shared between subdomains (known-failure #6); a second tab follows the decision.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
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
  page(server, '/shared.html', sitePage({ config: { ...CONFIG, cookie: { domain: 'site.test' } } }));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const TRACKERS = ['_ga', '_ga_ABC', '_gid', 'AMCV_x', 's_vi'];

async function open(context, url) {
  const { page: tab, pageErrors } = await openPage(context);
  await tab.goto(url, { waitUntil: 'networkidle' });
  await tab.evaluate(() => window.privacyKit.ready);
  return { tab, pageErrors };
}

const lastConsent = async (tab) =>
  (await dataLayer(tab))
    .map((e) => e.value)
    .filter((c) => c[0] === 'consent')
    .at(-1);
const cookieNames = async (context) => (await context.cookies()).map((c) => `${c.name}@${c.domain}`).sort();

/**
 * What `read` gives once it equals `expected`, or its last value after 5 s. A page's
 * `document.cookie` writes reach the browser's cookie store asynchronously (Chromium sends them to
 * its network process without waiting), so `context.cookies()` can lag the page under load.
 */
async function settled(read, expected) {
  let value = await read();
  for (const end = Date.now() + 5000; !isDeepStrictEqual(value, expected) && Date.now() < end;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
const trackerCount = async (context) =>
  (await context.cookies()).filter((c) => TRACKERS.includes(c.name)).length;

describe('script tag: cookies', () => {
  it('withdrawal deletes _ga, _ga_ABC, _gid, AMCV_x and s_vi on the host and on .site.test, and they stay gone after a reload', async () => {
    const { context } = await newContext(browser);
    const url = server.origin('www.site.test') + '/';
    const { tab } = await open(context, url);
    await tab.evaluate(() => window.privacyKit.acceptAll());
    // What GA and Adobe would have written: host-only and on the parent domain.
    await tab.evaluate((names) => {
      for (const name of names) {
        document.cookie = `${name}=host; path=/`;
        document.cookie = `${name}=parent; path=/; domain=site.test`;
      }
      document.cookie = 'unrelated=1; path=/';
    }, TRACKERS);
    assert.equal(await settled(() => trackerCount(context), 10), 10);
    await tab.evaluate(() => window.privacyKit.rejectAll());
    const left = ['privacy_consent@www.site.test', 'unrelated@www.site.test'];
    assert.deepEqual(await settled(() => cookieNames(context), left), left);
    const last = await lastConsent(tab);
    assert.equal(last[1], 'update');
    assert.equal(last[2].analytics_storage, 'denied');
    assert.equal(await tab.evaluate(() => window['ga-disable-G-ABC']), true);

    await tab.reload({ waitUntil: 'networkidle' });
    assert.deepEqual(await settled(() => cookieNames(context), left), left);
    const afterReload = await lastConsent(tab);
    assert.equal(afterReload[1], 'update');
    assert.equal(afterReload[2].analytics_storage, 'denied');
    assert.equal(await tab.evaluate(() => window['ga-disable-G-ABC']), true);
    await context.close();
  });

  it('on page load deletes tracker cookies that a stored refusal does not allow (left by another tab)', async () => {
    const { context } = await newContext(browser);
    const url = server.origin('www.site.test') + '/';
    const { tab } = await open(context, url);
    await tab.evaluate(() => window.privacyKit.rejectAll());
    await context.addCookies([
      { name: '_ga', value: '1', domain: '.site.test', path: '/' },
      { name: 's_vi', value: '1', domain: 'www.site.test', path: '/' },
    ]);
    await tab.reload({ waitUntil: 'networkidle' });
    const left = ['privacy_consent@www.site.test'];
    assert.deepEqual(await settled(() => cookieNames(context), left), left);
    await context.close();
  });

  for (const host of ['www.site.test', 'localhost', '127.0.0.1']) {
    it(`keeps the decision across a reload on ${host} (host-only cookie)`, async () => {
      const { context } = await newContext(browser);
      const { tab } = await open(context, server.origin(host) + '/');
      await tab.evaluate(() =>
        window.privacyKit.update({ categories: { analytics: true, marketing: false } }),
      );
      await tab.reload({ waitUntil: 'networkidle' });
      await tab.evaluate(() => window.privacyKit.ready);
      const state = await tab.evaluate(() => window.privacyKit.getConsent());
      assert.equal(state?.categories.analytics, true);
      assert.equal(state?.categories.marketing, false);
      assert.equal(await tab.evaluate(() => document.querySelector('privacy-banner')), null);
      const consent = (await context.cookies()).find((c) => c.name === 'privacy_consent');
      assert.equal(consent?.domain, host);
      await context.close();
    });
  }

  it('shares the decision between www. and shop. with a configured parent domain', async () => {
    const { context } = await newContext(browser);
    const { tab } = await open(context, server.origin('www.site.test') + '/shared.html');
    await tab.evaluate(() => window.privacyKit.acceptAll());
    const shop = await open(context, server.origin('shop.site.test') + '/shared.html');
    assert.equal(await shop.tab.evaluate(() => window.privacyKit.getConsent()?.categories.analytics), true);
    assert.equal(await shop.tab.evaluate(() => document.querySelector('privacy-banner')), null);
    await shop.tab.reload({ waitUntil: 'networkidle' });
    assert.equal(await shop.tab.evaluate(() => window.privacyKit.getConsent()?.categories.analytics), true);
    assert.equal((await context.cookies()).find((c) => c.name === 'privacy_consent')?.domain, '.site.test');
    await context.close();
  });

  it('a second tab follows a decision: tags run there on accept, and stop on refusal', async () => {
    const { context, vendorRequests } = await newContext(browser);
    const first = await open(context, server.origin() + '/');
    const second = await open(context, server.origin() + '/');
    await first.tab.evaluate(() => window.privacyKit.acceptAll());
    await second.tab.waitForFunction(() => window.privacyKit.getConsent()?.categories.analytics === true);
    await second.tab.waitForFunction(() => (window.__vendor ?? []).includes('gtag:G-ABC'));
    await first.tab.evaluate(() => window.privacyKit.rejectAll());
    await second.tab.waitForFunction(() => window['ga-disable-G-ABC'] === true);
    const last = await lastConsent(second.tab);
    assert.equal(last[1], 'update');
    assert.equal(last[2].analytics_storage, 'denied');
    assert.ok(vendorRequests.length > 0);
    await context.close();
  });
});
