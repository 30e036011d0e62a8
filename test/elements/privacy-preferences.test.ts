import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { createConsent, memoryStorage } from '../../src/core/index.js';
import type { ConsentState, PrivacyKit } from '../../src/core/types.js';
import { connectPreferences } from '../../src/elements/index.js';
import type { PrivacyBanner, PrivacyPreferences } from '../../src/elements/index.js';
import { loadI18next } from '../../src/i18n/i18n.js';
import { $, announced, cleanUp, deepActive, sampleConfig, twelveServicesConfig, useKit } from './helpers.js';

async function dialog(): Promise<PrivacyPreferences> {
  const el = await fixture<PrivacyPreferences>(html`<privacy-preferences></privacy-preferences>`);
  await el.updateComplete;
  return el;
}

const switches = (el: PrivacyPreferences) => [
  ...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('[role="switch"]') ?? []),
];
const toggle = (el: PrivacyPreferences, attr: string) => $<HTMLInputElement>(el, `[role="switch"][${attr}]`);
const texts = (el: PrivacyPreferences, selector: string) =>
  [...(el.shadowRoot?.querySelectorAll(selector) ?? [])].map((e) => e.textContent?.trim());
const checkedMap = (el: PrivacyPreferences) =>
  Object.fromEntries(switches(el).map((s) => [s.dataset['category'] ?? s.dataset['service'], s.checked]));

describe('<privacy-preferences>', function (this: { timeout(ms: number): void }) {
  // axe runs are slow on a shared two-core machine; behaviour, not speed, is under test here.
  this.timeout(40_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('opens as a modal dialog, moves focus in, and Esc closes it without a decision, focus back on the opener', async () => {
    const kit = useKit();
    const opener = await fixture<HTMLButtonElement>(html`<button>open</button>`);
    opener.focus();
    const el = await dialog();
    await el.show(opener);
    const native = $<HTMLDialogElement>(el, 'dialog');
    expect(native.open).to.equal(true);
    expect(native.matches(':modal')).to.equal(true);
    expect(native.contains(deepActive())).to.equal(true);
    setTimeout(() => void sendKeys({ press: 'Escape' }));
    const closed = await oneEvent(el, 'privacy-preferences-close');
    expect(closed.detail.action).to.equal('cancel');
    expect(native.open).to.equal(false);
    expect(kit.getConsent()).to.equal(null);
    expect(document.activeElement).to.equal(opener);
  });

  it('has one labelled switch per category and per service; necessary on and locked; nothing else pre-ticked', async () => {
    useKit();
    const el = await dialog();
    await el.show();
    const all = switches(el);
    expect(all.map((s) => s.dataset['category'] ?? `service:${s.dataset['service']}`)).to.deep.equal([
      'necessary',
      'analytics',
      'service:google-analytics',
      'service:adobe-analytics',
      'marketing',
      'service:youtube',
    ]);
    for (const s of all) {
      expect(s.type).to.equal('checkbox');
      expect(s.getAttribute('part')).to.equal('toggle');
      expect(s.labels?.[0]?.textContent?.trim()).to.not.equal('');
    }
    expect(toggle(el, 'data-category="necessary"').checked).to.equal(true);
    expect(toggle(el, 'data-category="necessary"').disabled).to.equal(true);
    expect(all.filter((s) => s.checked).length).to.equal(1);
    expect($(el, '[part="save-button"]').textContent?.trim()).to.equal('Keuze opslaan');
  });

  it('shows each service: provider, purpose, cookies with lifetimes, provider policy link', async () => {
    document.documentElement.setAttribute('lang', 'en');
    useKit();
    const el = await dialog();
    await el.show();
    const ga = toggle(el, 'data-service="google-analytics"').closest('[part="service"]') as HTMLElement;
    expect(ga.textContent).to.contain('Provider: Google');
    expect(ga.textContent).to.contain('_ga');
    expect(ga.textContent).to.contain('kept for: 2 years');
    expect((ga.querySelector('a') as HTMLAnchorElement).href).to.equal('https://policies.google.com/privacy');
    el.setAttribute('lang', 'nl');
    await Promise.resolve(); // the lang observer's callback is a microtask
    await el.updateComplete;
    expect(ga.textContent).to.contain('_ga — bewaartermijn: 2 jaar');
    el.removeAttribute('lang');
    await Promise.resolve();
    await el.updateComplete;
    const yt = toggle(el, 'data-service="youtube"').closest('[part="service"]') as HTMLElement;
    expect(yt.textContent).to.contain('Videos from YouTube');
    expect(texts(el, '.services-label')).to.deep.equal(['2 services', '1 service']);
    expect(texts(el, 'summary')).to.deep.equal([
      'More about Google Analytics',
      'More about Adobe Analytics',
      'More about YouTube',
    ]);
  });

  it('shows every service switch without expanding anything; a mouse click flips it', async () => {
    useKit(twelveServicesConfig());
    const el = await dialog();
    await el.show();
    for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) {
      expect(details.open).to.equal(false);
    }
    for (const s of switches(el)) {
      expect(s.checkVisibility(), s.id).to.equal(true);
      expect(s.getBoundingClientRect().width, s.id).to.be.at.least(24);
    }
    // As an outside Playwright test would: scroll it into view, click its middle.
    const target = toggle(el, 'data-service="service-11"');
    target.scrollIntoView({ block: 'center' });
    const box = target.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await resetMouse();
    await el.updateComplete;
    expect(target.checked).to.equal(true);
    expect(
      toggle(el, `data-category="${twelveServicesConfig().services?.['service-11']?.category}"`).checked,
    ).to.equal(true);
  });

  it('keyboard: Tab goes from a service switch to its details, Enter opens them, Tab on to the next switch', async () => {
    useKit();
    const el = await dialog();
    await el.show();
    toggle(el, 'data-category="analytics"').focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(toggle(el, 'data-service="google-analytics"'));
    await sendKeys({ press: 'Tab' });
    const summary = deepActive() as HTMLElement;
    expect(summary.localName).to.equal('summary');
    await sendKeys({ press: 'Enter' });
    expect((summary.parentElement as HTMLDetailsElement).open).to.equal(true);
    expect(summary.parentElement?.textContent).to.contain('Aanbieder: Google');
    await sendKeys({ press: 'Tab' });
    // Inside the open details: the provider's privacy policy, then the next service.
    expect(deepActive()?.getAttribute('part')).to.equal('service-policy-link');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(toggle(el, 'data-service="adobe-analytics"'));
  });

  it('pre-fills an earlier decision (and the last stored one when asking again)', async () => {
    const cookie = memoryStorage();
    const before = createConsent(
      { ...sampleConfig, revision: 'old' },
      { cookies: cookie, localStorage: null, window: null, BroadcastChannel: null },
    );
    before.update({ categories: { analytics: true }, services: { 'adobe-analytics': false } });
    before.destroy();
    const kit = useKit(sampleConfig, { cookies: cookie });
    expect(kit.getConsent()).to.equal(null);
    const el = await dialog();
    await el.show();
    expect(checkedMap(el)).to.deep.equal({
      necessary: true,
      analytics: true,
      'google-analytics': true,
      'adobe-analytics': false,
      marketing: false,
      youtube: false,
    });
  });

  it('a service switched on turns its category on; a category switched off takes its services', async () => {
    useKit();
    const el = await dialog();
    await el.show();
    toggle(el, 'data-service="youtube"').click();
    await el.updateComplete;
    expect(toggle(el, 'data-category="marketing"').checked).to.equal(true);
    toggle(el, 'data-category="analytics"').click();
    await el.updateComplete;
    expect(toggle(el, 'data-service="google-analytics"').checked).to.equal(true);
    toggle(el, 'data-category="analytics"').click();
    await el.updateComplete;
    expect(toggle(el, 'data-service="google-analytics"').checked).to.equal(false);
    expect(toggle(el, 'data-service="adobe-analytics"').checked).to.equal(false);
  });

  it('"Save choices" stores exactly the switches, method preferences, announces and closes', async () => {
    const kit = useKit();
    const el = await dialog();
    await el.show();
    toggle(el, 'data-category="analytics"').click();
    await el.updateComplete;
    toggle(el, 'data-service="adobe-analytics"').click();
    await el.updateComplete;
    setTimeout(() => $(el, '[part="save-button"]').click());
    const closed = await oneEvent(el, 'privacy-preferences-close');
    expect(closed.detail.action).to.equal('save');
    const state = kit.getConsent();
    expect(state?.method).to.equal('preferences');
    expect(state?.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false });
    expect(kit.isGranted('google-analytics')).to.equal(true);
    expect(kit.isGranted('adobe-analytics')).to.equal(false);
    expect(kit.isGranted('youtube')).to.equal(false);
    await document.querySelector('privacy-announcer')?.updateComplete;
    expect(announced()).to.equal('Uw keuze is opgeslagen.');
  });

  it('"Accept all" and "Reject all" decide for everything', async () => {
    const kit = useKit();
    const el = await dialog();
    await el.show();
    $(el, '[part="accept-button"]').click();
    expect(kit.getConsent()?.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
    await el.show();
    expect(switches(el).every((s) => s.checked)).to.equal(true);
    $(el, '[part="reject-button"]').click();
    expect(kit.getConsent()?.categories).to.deep.equal({
      necessary: true,
      analytics: false,
      marketing: false,
    });
    expect(kit.getConsent()?.method).to.equal('preferences');
  });

  it('refusing from the banner, the dialog (reject all or save with nothing on) and the API stores the same state', async () => {
    const outcomes: ConsentState[] = [];
    const ways: ((kit: PrivacyKit) => Promise<void>)[] = [
      async () => {
        const banner = await fixture<PrivacyBanner>(html`<privacy-banner></privacy-banner>`);
        await banner.updateComplete;
        $(banner, '[part="reject-button"]').click();
      },
      async () => {
        const el = await dialog();
        await el.show();
        $(el, '[part="reject-button"]').click();
      },
      async () => {
        const el = await dialog();
        await el.show();
        $(el, '[part="save-button"]').click();
      },
      async (kit) => void kit.rejectAll(),
    ];
    for (const way of ways) {
      const kit = useKit();
      await way(kit);
      const state = kit.getConsent();
      expect(state).to.not.equal(null);
      outcomes.push(state as ConsentState);
      for (const name of [
        'necessary',
        'analytics',
        'marketing',
        'google-analytics',
        'adobe-analytics',
        'youtube',
      ]) {
        expect(kit.isGranted(name), name).to.equal(name === 'necessary');
      }
      cleanUp();
      document.documentElement.setAttribute('lang', 'nl');
    }
    for (const state of outcomes) {
      expect(state.categories).to.deep.equal(outcomes[3]?.categories);
      expect(state.services).to.deep.equal(outcomes[3]?.services);
    }
  });

  it('keyboard only: Tab to a switch, Space and Enter flip it, Enter on save decides', async () => {
    const kit = useKit();
    const el = await dialog();
    await el.show();
    // Focus starts on the close button; necessary is disabled and skipped.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(toggle(el, 'data-category="analytics"'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle(el, 'data-category="analytics"').checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle(el, 'data-category="analytics"').checked).to.equal(false);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    $(el, '[part="save-button"]').focus();
    await sendKeys({ press: 'Enter' });
    expect(kit.getConsent()?.categories['analytics']).to.equal(true);
    expect(kit.getConsent()?.categories['marketing']).to.equal(false);
  });

  it('opens from the banner through showPreferences(), and focus returns to the banner button on Esc', async () => {
    const kit = useKit();
    connectPreferences(kit);
    const banner = await fixture<PrivacyBanner>(html`<privacy-banner></privacy-banner>`);
    await banner.updateComplete;
    const button = $(banner, '[part="preferences-button"]');
    button.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    await oneEvent(document, 'privacy-preferences-open');
    const el = document.querySelector('privacy-preferences') as PrivacyPreferences;
    expect(el.parentElement).to.equal(document.body);
    expect(el.open).to.equal(true);
    setTimeout(() => void sendKeys({ press: 'Escape' }));
    await oneEvent(el, 'privacy-preferences-close');
    expect(deepActive()).to.equal(button);
    expect(banner.open).to.equal(true);
    expect(kit.getConsent()).to.equal(null);
  });

  it('works with no services and with twelve', async () => {
    useKit({ revision: 'r0', categories: { analytics: {} } });
    const none = await dialog();
    await none.show();
    expect(switches(none).length).to.equal(2);
    expect(none.shadowRoot?.querySelector('details')).to.equal(null);
    await expect(none).to.be.accessible();
    none.close();
    cleanUp();
    const kit = useKit(twelveServicesConfig());
    const el = await dialog();
    await el.show();
    expect(switches(el).filter((s) => s.dataset['service']).length).to.equal(12);
    for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
    toggle(el, 'data-service="service-7"').click();
    await el.updateComplete;
    $(el, '[part="save-button"]').click();
    expect(kit.isGranted('service-7')).to.equal(true);
    expect(kit.isGranted('service-4')).to.equal(false);
  });

  it('with Global Privacy Control, marketing is off with a note and accept-all keeps it off', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const kit = useKit(sampleConfig, { navigator: { globalPrivacyControl: true } });
      const el = await dialog();
      await el.show();
      const marketing = toggle(el, 'data-category="marketing"');
      expect(marketing.checked).to.equal(false);
      const note = $(el, '.note');
      expect(note.textContent).to.contain('Global Privacy Control');
      expect(marketing.getAttribute('aria-describedby')).to.contain(note.id);
      expect(el.shadowRoot?.querySelectorAll('.note').length).to.equal(1);
      await expect(el).to.be.accessible();
      $(el, '[part="accept-button"]').click();
      expect(kit.isGranted('marketing')).to.equal(false);
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['globalPrivacyControl'];
    }
  });

  it('renders hostile config strings as text and drops non-http(s) links', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    useKit({
      revision: 'x',
      categories: { analytics: { label: hostile, description: hostile } },
      services: {
        evil: {
          category: 'analytics',
          label: hostile,
          provider: hostile,
          description: hostile,
          privacyPolicyUrl: 'javascript:window.__pwned=1',
          cookies: [hostile, { name: hostile, lifetime: hostile }],
        },
      },
    });
    const el = await dialog();
    await el.show();
    for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    expect(el.shadowRoot?.querySelector('a')).to.equal(null);
    expect(toggle(el, 'data-category="analytics"').labels?.[0]?.textContent).to.equal(hostile);
    expect(el.shadowRoot?.textContent).to.contain(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  for (const lang of ['nl', 'en']) {
    it(`has no axe violations when open with every service shown (${lang})`, async () => {
      document.documentElement.setAttribute('lang', lang);
      useKit();
      const el = await dialog();
      await el.show();
      for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
      await expect(el).to.be.accessible();
    });
  }

  it('reflows at 320 px with twelve services: no horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      useKit(twelveServicesConfig());
      const el = await dialog();
      await el.show();
      for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
      const native = $<HTMLDialogElement>(el, 'dialog');
      expect(native.getBoundingClientRect().width).to.be.at.most(320);
      const body = $(el, '.body');
      expect(body.scrollWidth).to.be.at.most(body.clientWidth);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('loads i18next on open and then speaks a language given only by config (de)', async () => {
    document.documentElement.setAttribute('lang', 'de');
    useKit({
      ...sampleConfig,
      translations: {
        de: {
          'preferences.save': 'Auswahl speichern',
          'preferences.services_one': '{{count}} Dienst',
          'preferences.services_other': '{{count}} Dienste',
        },
      },
    });
    const el = await dialog();
    await el.show();
    const i18n = await loadI18next();
    expect(i18n?.isInitialized).to.equal(true);
    await el.updateComplete;
    expect($(el, '[part="save-button"]').textContent?.trim()).to.equal('Auswahl speichern');
    expect(texts(el, '.services-label')).to.deep.equal(['2 Dienste', '1 Dienst']);
    // Keys German lacks fall back to the config language (Dutch), never to a key name.
    expect($(el, '[part="accept-button"]').textContent?.trim()).to.equal('Alles accepteren');
  });
});
