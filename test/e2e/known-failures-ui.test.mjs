// The traps of /shared/specs/known-failures.md about the UI, through the script tag: #5 the
// preferences dialog and translations under a strict CSP, #8 a second loader, a second UI request
// and single-page routes. The others are in known-failures.test.mjs.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIG, TAGS, consentCommands, countRun, page, settleBlocked, sitePage } from './harness.mjs';
import { CSP, blocked, knownFailuresSite } from './known-failures-kit.mjs';

const site = knownFailuresSite();

describe('known-failure #5: the preferences dialog and translations under a strict CSP', () => {
  const GERMAN = {
    'preferences.title': 'Ihre Cookie-Einstellungen',
    'preferences.save': 'Auswahl speichern',
  };
  before(() => {
    const html = sitePage({
      nonce: 'abc',
      config: { ...CONFIG, translations: { de: GERMAN } },
      head: `${TAGS}${blocked('analytics', countRun('analytics-inline'))}`,
      body: '<main><p>Text</p><footer><privacy-settings-button></privacy-settings-button></footer></main>',
    });
    page(site.server, '/csp-dialog.html', html.replace('<html lang="nl">', '<html lang="de">'), CSP);
  });

  /** Computed styles of the dialog and a switch next to an unstyled <dialog> and checkbox. */
  const styles = (tab) =>
    tab.evaluate(() => {
      const pick = (el, names) =>
        Object.fromEntries(names.map((n) => [n, getComputedStyle(el).getPropertyValue(n)]));
      const root = document.querySelector('privacy-preferences').shadowRoot;
      const plainDialog = document.body.appendChild(document.createElement('dialog'));
      const plainBox = document.body.appendChild(
        Object.assign(document.createElement('input'), { type: 'checkbox' }),
      );
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
    const { context, tab, errors, pageErrors } = await site.visit('/csp-dialog.html', {
      host: 'www.site.test',
    });
    await tab.locator('privacy-banner [part="preferences-button"]').click();
    await tab.locator('privacy-preferences dialog[open]').waitFor();
    // The dialog's chunk and i18next (loaded for the config's translations) came in under the CSP.
    const uiChunks = () =>
      tab.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.startsWith('/privacy-kit/ui/')),
      );
    await tab.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => /\/ui\/i18next-[\w-]+\.js$/.test(e.name)),
    );
    const loaded = await uiChunks();
    assert.ok(
      loaded.some((p) => /\/privacy-preferences-[\w-]+\.js$/.test(p)),
      loaded.join(),
    );
    assert.ok(
      loaded.some((p) => /\/i18next-[\w-]+\.js$/.test(p)),
      loaded.join(),
    );
    assert.equal(
      await tab.locator('privacy-preferences [part="title"]').textContent(),
      GERMAN['preferences.title'],
    );
    assert.equal(
      (await tab.locator('privacy-preferences [part="save-button"]').textContent()).trim(),
      GERMAN['preferences.save'],
    );

    const { dialog, plainDialog, toggle, plainToggle } = await styles(tab);
    for (const [name, value] of Object.entries(dialog))
      assert.notEqual(value, plainDialog[name], `dialog ${name} is the browser default`);
    for (const [name, value] of Object.entries(toggle))
      assert.notEqual(value, plainToggle[name], `toggle ${name} is the browser default`);

    const analytics = tab.locator('privacy-preferences [role="switch"][data-category="analytics"]');
    await analytics.click();
    assert.equal(await analytics.isChecked(), true);
    // A switched-on switch looks different (its background eases over, so wait for the change).
    await tab.waitForFunction(
      ([el, off]) => getComputedStyle(el).backgroundColor !== off,
      [await analytics.elementHandle(), toggle['background-color']],
    );
    await tab.locator('privacy-preferences [part="save-button"]').click();
    await tab.waitForFunction(
      () => (window.__vendor ?? []).includes('gtag:G-ABC') && (window.__vendor ?? []).includes('adobe-tags'),
    );
    await tab.waitForFunction(() => window.__runs?.['analytics-inline'] === 1);
    const state = await tab.evaluate(() => window.privacyKit.getConsent());
    assert.deepEqual([state.categories.analytics, state.categories.marketing], [true, false]);

    const scripts = await tab.evaluate(() =>
      Array.from(document.querySelectorAll('script[data-consent]'), (s) => ({
        consent: s.dataset.consent,
        type: s.type,
        nonce: s.nonce,
      })),
    );
    assert.equal(scripts.length, 4);
    for (const script of scripts)
      assert.deepEqual(
        { type: script.type, nonce: script.nonce },
        { type: '', nonce: 'abc' },
        script.consent,
      );
    assert.deepEqual(await tab.evaluate(() => window.__violations), []);
    assert.deepEqual(
      errors.filter((e) => /Content.Security.Policy|Refused to/i.test(e)),
      [],
    );
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
    page(site.server, '/spa.html', html);
  });

  const count = (tab, selector) => tab.evaluate((s) => document.querySelectorAll(s).length, selector);
  const uiLoads = (tab) =>
    tab.evaluate(
      () =>
        performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/ui/privacy-kit-ui.js'))
          .length,
    );

  it('one banner and one preferences dialog, however often the page asks; an iframe added by a route change stays gated until consent', async () => {
    const { context, tab, errors, pageErrors } = await site.visit('/spa.html');
    await tab.locator('privacy-banner [part="banner"]').waitFor();
    // Both settings buttons and the API ask for the preferences, before the dialog exists.
    await tab.evaluate(async () => {
      const buttons = Array.from(document.querySelectorAll('privacy-settings-button'), (b) =>
        b.shadowRoot?.querySelector('button'),
      );
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
    await tab.waitForFunction(
      () => !!document.querySelector('#app privacy-settings-button')?.shadowRoot?.querySelector('button'),
    );
    await settleBlocked(tab, '#app main');
    assert.equal(await count(tab, 'privacy-banner'), 1, 'still one banner after the route change');
    assert.equal(await count(tab, 'privacy-preferences'), 1);
    assert.equal(
      await tab.evaluate(() => document.getElementById('video').getAttribute('src')),
      null,
      'the embed is still blocked',
    );
    const frameHits = () =>
      site.server.log.filter((r) => r.path === '/frame.html' && r.search === '?spa-route').length;
    assert.equal(frameHits(), 0);

    await tab.locator('privacy-banner [part="accept-button"]').click();
    await tab.waitForFunction(
      () => document.getElementById('video').contentDocument?.body?.textContent === 'video',
    );
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
