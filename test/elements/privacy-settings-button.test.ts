import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { connectPreferences } from '../../src/elements/index.js';
import type { PrivacyBanner, PrivacyPreferences, PrivacySettingsButton } from '../../src/elements/index.js';
import { $, cleanUp, deepActive, twelveServicesConfig, useKit } from './helpers.js';

describe('<privacy-settings-button>', function (this: { timeout(ms: number): void }) {
  // axe runs are slow on a shared two-core machine; behaviour, not speed, is under test here.
  this.timeout(40_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('is an inline text button by default that asks for the preferences', async () => {
    const kit = useKit();
    const el = await fixture<PrivacySettingsButton>(
      html`<privacy-settings-button></privacy-settings-button>`,
    );
    const button = $(el, '[part="button"]');
    expect(button.textContent?.trim()).to.equal('Cookie-instellingen');
    // As a footer link it takes the page's font and colour.
    el.parentElement?.style.setProperty('font-family', 'serif');
    el.parentElement?.style.setProperty('color', 'rgb(10, 20, 30)');
    expect(getComputedStyle(button).fontFamily).to.equal('serif');
    expect(getComputedStyle(button).color).to.equal('rgb(10, 20, 30)');
    // Or the site's link colour, like the links beside it in a footer.
    el.parentElement?.style.setProperty('--privacy-color-link', 'rgb(11, 92, 171)');
    expect(getComputedStyle(button).color).to.equal('rgb(11, 92, 171)');
    const shown = new Promise<Element | null | undefined>((resolve) =>
      kit.on('show-preferences', ({ opener }) => resolve(opener)),
    );
    setTimeout(() => button.click());
    await oneEvent(el, 'privacy-settings-open');
    expect(await shown).to.equal(button);
    await expect(el).to.be.accessible();
  });

  it('shows no button until a consent API is set up (a button that opens nothing would mislead)', async () => {
    const el = await fixture<PrivacySettingsButton>(
      html`<privacy-settings-button></privacy-settings-button>`,
    );
    expect(el.shadowRoot?.querySelector('button') === null, 'no button without the API').to.equal(true);
    useKit();
    await Promise.resolve(); // the element hears of the API when its promise settles
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="button"]') !== null, 'a button once it is there').to.equal(
      true,
    );
  });

  /** A floating settings button next to a banner that asks for a decision. */
  async function mountWithBanner(): Promise<{ banner: PrivacyBanner; el: PrivacySettingsButton }> {
    const page = await fixture(
      html`<div>
        <privacy-banner></privacy-banner>
        <privacy-settings-button variant="floating"></privacy-settings-button>
      </div>`,
    );
    const banner = page.querySelector('privacy-banner') as PrivacyBanner;
    const el = page.querySelector('privacy-settings-button') as PrivacySettingsButton;
    await banner.updateComplete;
    await el.updateComplete;
    return { banner, el };
  }

  it('floating: fixed, at least 24×24, labelled, out of the way while the banner shows', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const kit = useKit();
    const { banner, el } = await mountWithBanner();
    expect(el.shadowRoot?.querySelector('button')).to.equal(null);
    kit.rejectAll();
    await banner.updateComplete;
    await el.updateComplete;
    const button = $(el, '[part="button"]');
    expect(button.getAttribute('aria-label')).to.equal('Cookie settings');
    expect(getComputedStyle(button).position).to.equal('fixed');
    const box = button.getBoundingClientRect();
    expect(box.width).to.be.at.least(24);
    expect(box.height).to.be.at.least(24);
    await expect(el).to.be.accessible();
  });

  it('floating: comes back when the banner is closed without a decision (Esc)', async () => {
    useKit();
    const { banner, el } = await mountWithBanner();
    expect(el.shadowRoot?.querySelector('button') === null, 'hidden while the banner shows').to.equal(true);
    banner.dismiss();
    await banner.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="button"]') !== null, 'back after Esc').to.equal(true);
  });

  it('floating: does not cover a focused link in the bottom corner of the page (WCAG 2.4.11)', async () => {
    await setViewport({ width: 800, height: 600 });
    const kit = useKit();
    kit.rejectAll();
    const page = await fixture(
      html`<div>
        <div style="height: 1400px">content</div>
        <a href="#home" id="home" style="display: inline-block; padding: 4px">Home</a>
        <privacy-settings-button variant="floating"></privacy-settings-button>
      </div>`,
    );
    const el = page.querySelector('privacy-settings-button') as PrivacySettingsButton;
    await el.updateComplete;
    const link = page.querySelector('#home') as HTMLElement;
    link.focus();
    await new Promise(requestAnimationFrame);
    const button = $(el, '[part="button"]').getBoundingClientRect();
    const box = link.getBoundingClientRect();
    expect(box.bottom, 'focused link ends above the button').to.be.at.most(button.top);
    el.remove();
    expect(getComputedStyle(document.documentElement).paddingBottom).to.equal('0px');
  });

  it('opens the dialog pre-filled with the decision, and focus returns to it after Esc', async () => {
    const kit = useKit();
    kit.acceptAll();
    connectPreferences(kit);
    const el = await fixture<PrivacySettingsButton>(
      html`<privacy-settings-button label="Privacy choices"></privacy-settings-button>`,
    );
    const button = $(el, '[part="button"]');
    expect(button.textContent?.trim()).to.equal('Privacy choices');
    button.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    await oneEvent(document, 'privacy-preferences-open');
    const dialog = document.querySelector('privacy-preferences') as PrivacyPreferences;
    const analytics = $<HTMLInputElement>(dialog, '[data-category="analytics"]');
    expect(analytics.checked).to.equal(true);
    // Withdrawal is as easy: one switch, one save.
    analytics.click();
    await dialog.updateComplete;
    $(dialog, '[part="save-button"]').click();
    await oneEvent(dialog, 'privacy-preferences-close');
    expect(kit.isGranted('google-analytics')).to.equal(false);
    expect(deepActive()).to.equal(button);
  });

  it("as a link, draws its focus ring in the site's text colour, whatever the visitor's dark/light setting", async () => {
    useKit();
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const wrapper = await fixture(
        html`<footer style="background: #fff; color: rgb(20, 20, 20)">
          <privacy-settings-button></privacy-settings-button>
        </footer>`,
      );
      const el = wrapper.querySelector('privacy-settings-button') as PrivacySettingsButton;
      await el.updateComplete;
      const button = $(el, 'button');
      button.focus();
      await sendKeys({ press: 'Shift' });
      expect(button.matches(':focus-visible')).to.equal(true);
      expect(getComputedStyle(button).outlineColor).to.equal('rgb(20, 20, 20)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('takes the text an editor wrote inside it as its label, in the page language; the attribute wins', async () => {
    useKit();
    const page = await fixture<HTMLDivElement>(html`
      <div lang="nl">
        <privacy-settings-button> Cookie-instellingen wijzigen </privacy-settings-button>
        <privacy-settings-button variant="floating">Cookies</privacy-settings-button>
        <privacy-settings-button label="Privacykeuzes">Cookies</privacy-settings-button>
      </div>
    `);
    const [link, floating, labelled] = [
      ...page.querySelectorAll<PrivacySettingsButton>('privacy-settings-button'),
    ];
    for (const el of [link!, floating!, labelled!]) await el.updateComplete;
    expect($(link!, '[part="button"]').textContent?.trim()).to.equal('Cookie-instellingen wijzigen');
    expect($(link!, '[part="button"] span').getAttribute('lang')).to.equal('nl');
    expect($(floating!, '[part="button"]').getAttribute('aria-label')).to.equal('Cookies');
    expect($(labelled!, '[part="button"]').textContent?.trim()).to.equal('Privacykeuzes');
    await expect(link).to.be.accessible();
  });

  it("renders a hostile label literally, as text and as the floating button's name", async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">{{count}}';
    useKit();
    const link = await fixture<PrivacySettingsButton>(
      html`<privacy-settings-button label=${hostile}></privacy-settings-button>`,
    );
    expect($(link, '[part="button"]').textContent).to.equal(hostile);
    const floating = await fixture<PrivacySettingsButton>(
      html`<privacy-settings-button variant="floating" label=${hostile}></privacy-settings-button>`,
    );
    expect($(floating, '[part="button"]').getAttribute('aria-label')).to.equal(hostile);
    for (const el of [link, floating]) expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  for (const [name, config, serviceSwitches] of [
    ['no services', { revision: 'r0', categories: { analytics: {} } }, 0],
    ['twelve services', twelveServicesConfig(), 12],
  ] as const) {
    it(`opens the dialog with ${name}`, async () => {
      const kit = useKit(config);
      connectPreferences(kit);
      const el = await fixture<PrivacySettingsButton>(
        html`<privacy-settings-button></privacy-settings-button>`,
      );
      await expect(el).to.be.accessible();
      setTimeout(() => $(el, '[part="button"]').click());
      await oneEvent(document, 'privacy-preferences-open');
      const dialog = document.querySelector('privacy-preferences') as PrivacyPreferences;
      expect(dialog.shadowRoot?.querySelectorAll('[data-service]').length).to.equal(serviceSwitches);
      dialog.close();
    });
  }
});
