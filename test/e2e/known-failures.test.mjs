// The traps of /shared/specs/known-failures.md that other consent libraries fell into, each walked
// through the script tag as a site owner sets it up and a visitor uses it: #2 blocked scripts in
// document order (also those added later), #3 nothing runs twice. #1 and #4 (Consent Mode) are in
// known-failures-consent-mode, #5 and #8 (the UI) in known-failures-ui.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dataLayer, countRun, page, settleBlocked, sitePage } from './harness.mjs';
import {
  JS,
  blocked,
  blockedSrc,
  order,
  runs,
  usesCode,
  vendorRan,
  waitForOrder,
  knownFailuresSite,
} from './known-failures-kit.mjs';

const site = knownFailuresSite();

describe('known-failure #2: blocked scripts run in document order, also those added later', () => {
  before(() => {
    // External libraries (which set window[name]) and the inline scripts that use them, as sites
    // write GA, GTM or Adobe; plus an async one, which keeps no place in the order.
    for (const name of ['lib-a', 'lib-c', 'lib-d'])
      page(site.server, `/ext/${name}.js`, `window["${name}"] = true; ${countRun(name)}`, JS);
    page(
      site.server,
      '/ext/async-b.js',
      '(window.__runs = window.__runs || {})["async-b"] = (window.__runs["async-b"] || 0) + 1;',
      JS,
    );
    page(
      site.server,
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
    const { context, tab, vendorRequests, pageErrors } = await site.visit('/order.html');
    // Added after load, before any decision: one at the very start of <main> (so first in
    // document order), an external library with its inline user at the end.
    await insert(tab, '#main', 'prepend', [{ consent: 'analytics', code: countRun('first') }]);
    await insert(tab, '#later', 'append', [
      { consent: 'analytics', src: '/ext/lib-c.js' },
      { consent: 'analytics', code: usesCode('lib-c') },
    ]);
    await settleBlocked(tab);
    assert.deepEqual(await runs(tab), {}, 'nothing ran before consent');
    assert.equal(
      site.server.log.filter((r) => r.path.startsWith('/ext/')).length,
      0,
      'no blocked script was even requested',
    );
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

    assert.deepEqual(await order(tab), [
      'first',
      'lib-a',
      'uses-lib-a',
      'inline-ga',
      'lib-c',
      'uses-lib-c',
      'lib-d',
      'uses-lib-d',
    ]);
    const counts = await runs(tab);
    for (const name of [
      'first',
      'lib-a',
      'uses-lib-a',
      'async-b',
      'inline-ga',
      'lib-c',
      'uses-lib-c',
      'lib-d',
      'uses-lib-d',
    ]) {
      assert.equal(counts[name], 1, `${name} ran exactly once`);
    }
    for (const name of ['lib-a', 'async-b', 'lib-c', 'lib-d'])
      assert.equal(site.server.hits(`/ext/${name}.js`), 1, `${name}.js requested once`);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});

describe('known-failure #3: saving the same choice again runs nothing twice', () => {
  before(() => {
    page(
      site.server,
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
    const { context, tab, vendorRequests, pageErrors } = await site.visit('/saved-twice.html');
    await tab.locator('privacy-banner [part="accept-button"]').click();
    await tab.waitForFunction(
      () => (window.__vendor ?? []).includes('gtag:G-ABC') && (window.__vendor ?? []).includes('adobe-tags'),
    );
    await tab.waitForFunction(
      () => document.querySelector('iframe[data-consent]').contentDocument?.body?.textContent === 'video',
    );

    await tab.locator('privacy-settings-button [part="button"]').click();
    await inDialog(tab, 'save-button');
    await tab.evaluate(async () => await window.privacyKit.showPreferences());
    await inDialog(tab, 'save-button');
    await tab.locator('privacy-settings-button [part="button"]').click();
    await inDialog(tab, 'accept-button');
    assert.equal(
      await tab.evaluate(() => window.privacyKit.getConsent().method),
      'preferences',
      'the dialog made the last decision',
    );
    await settleBlocked(tab);
    await tab.waitForLoadState('networkidle');

    assert.deepEqual(await runs(tab), {
      'ga-config': 1,
      'adobe-inline': 1,
      'analytics-inline': 1,
      'youtube-inline': 1,
    });
    const configs = (await dataLayer(tab)).map((e) => e.value).filter((c) => c[0] === 'config');
    assert.deepEqual(configs, [['config', 'G-ABC']], "gtag('config') pushed once");
    const ran = await vendorRan(tab);
    assert.deepEqual(
      [ran.filter((v) => v === 'gtag:G-ABC').length, ran.filter((v) => v === 'adobe-tags').length],
      [1, 1],
    );
    assert.equal(vendorRequests.filter((u) => u.includes('/gtag/js')).length, 1, 'gtag.js requested once');
    assert.equal(
      vendorRequests.filter((u) => u.includes('adobedtm.com')).length,
      1,
      'Adobe Tags requested once',
    );
    assert.equal(
      site.server.log.filter((r) => r.path === '/frame.html' && r.search === '?saved-twice').length,
      1,
      'the embed loaded once',
    );
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
