/** `<privacy-preferences>`: each service (switch, details), 0 and 12 services, config text, languages. */
import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-preferences/index.js';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { loadI18next } from '../../src/i18n/i18n.js';
import { memoryStorage } from '../../src/core/index.js';
import {
  $,
  checkedMap,
  cleanUp,
  mountDialog,
  sampleConfig,
  switches,
  texts,
  toggle,
  twelveServicesConfig,
  useKit,
} from './helpers.js';

describe('<privacy-preferences> services and their texts', function (this: { timeout(ms: number): void }) {
  // axe runs are slow on a shared two-core machine; behaviour, not speed, is under test here.
  this.timeout(40_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('shows each service: provider, purpose, cookies with lifetimes, provider policy link', async () => {
    document.documentElement.setAttribute('lang', 'en');
    useKit();
    const el = await mountDialog();
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

  it('shows a service added since the last decision switched off, its category still on', async () => {
    const cookies = memoryStorage();
    useKit(sampleConfig, { cookies }).acceptAll();
    cleanUp();
    const withHotjar = {
      ...sampleConfig,
      services: { ...sampleConfig.services, hotjar: { category: 'analytics', provider: 'Hotjar' } },
    };
    useKit(withHotjar, { cookies });
    const el = await mountDialog();
    await el.show();
    expect(checkedMap(el)).to.include({ analytics: true, 'google-analytics': true, hotjar: false });
  });

  it('shows a service moved to a new category off, though the visitor had it on before', async () => {
    const cookies = memoryStorage();
    useKit(sampleConfig, { cookies }).acceptAll();
    cleanUp();
    // YouTube moves from marketing to a new category nobody has been asked about.
    const moved = {
      ...sampleConfig,
      categories: { ...sampleConfig.categories, video: {} },
      services: {
        ...sampleConfig.services,
        youtube: { ...sampleConfig.services?.['youtube'], category: 'video' },
      },
    };
    useKit(moved, { cookies });
    const el = await mountDialog();
    await el.show();
    expect(checkedMap(el)).to.include({ marketing: true, video: false, youtube: false });
  });

  it('shows every service switch without expanding anything; a mouse click flips it', async () => {
    useKit(twelveServicesConfig());
    const el = await mountDialog();
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

  it('works with no services and with twelve', async () => {
    useKit({ revision: 'r0', categories: { analytics: {} } });
    const none = await mountDialog();
    await none.show();
    expect(switches(none).length).to.equal(2);
    expect(none.shadowRoot?.querySelector('details')).to.equal(null);
    await expect(none).to.be.accessible();
    none.close();
    cleanUp();
    const kit = useKit(twelveServicesConfig());
    const el = await mountDialog();
    await el.show();
    expect(switches(el).filter((s) => s.dataset['service']).length).to.equal(12);
    for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
    toggle(el, 'data-service="service-7"').click();
    await el.updateComplete;
    $(el, '[part="save-button"]').click();
    expect(kit.isGranted('service-7')).to.equal(true);
    expect(kit.isGranted('service-4')).to.equal(false);
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
    const el = await mountDialog();
    await el.show();
    for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    expect(el.shadowRoot?.querySelector('a')).to.equal(null);
    expect(toggle(el, 'data-category="analytics"').labels?.[0]?.textContent).to.equal(hostile);
    expect(el.shadowRoot?.textContent).to.contain(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
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
    const el = await mountDialog();
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
