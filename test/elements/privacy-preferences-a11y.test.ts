/** `<privacy-preferences>`: keyboard-only use, reflow and axe. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/privacy-preferences/index.js';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import {
  $,
  cleanUp,
  deepActive,
  isReachable,
  mountDialog,
  toggle,
  twelveServicesConfig,
  useKit,
} from './helpers.js';

describe('<privacy-preferences> keyboard, reflow and axe', function (this: { timeout(ms: number): void }) {
  // axe runs are slow on a shared two-core machine; behaviour, not speed, is under test here.
  this.timeout(40_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('keyboard: Tab goes from a service switch to its details, Enter opens them, Tab on to the next switch', async () => {
    useKit();
    const el = await mountDialog();
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

  it('keyboard only: Tab to a switch, Space and Enter flip it, Enter on save decides', async () => {
    const kit = useKit();
    const el = await mountDialog();
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

  for (const lang of ['nl', 'en']) {
    it(`has no axe violations when open with every service shown (${lang})`, async () => {
      document.documentElement.setAttribute('lang', lang);
      useKit();
      const el = await mountDialog();
      await el.show();
      for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
      await expect(el).to.be.accessible();
    });
  }

  it('reflows at 320 px with twelve services: no horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      useKit(twelveServicesConfig());
      const el = await mountDialog();
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

  it('keeps focus inside while open: Tab from the last control wraps to the first, Shift+Tab back', async () => {
    useKit();
    const page = await fixture(
      html`<div><button id="before">before</button><button id="after">after</button></div>`,
    );
    const el = await mountDialog();
    await el.show(page.querySelector('#before'));
    const close = $(el, '[part="close-button"]');
    const save = $(el, '[part="save-button"]');
    // Once round the dialog and a bit: never the page behind it, never nowhere.
    const seen = new Set<Element | null>();
    for (let i = 0; i < 14; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      expect(el.shadowRoot?.contains(active ?? null), `Tab ${i + 1}: ${active?.localName}`).to.equal(true);
      seen.add(active);
    }
    expect(seen.has(close) && seen.has(save)).to.equal(true);
    save.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(close);
    await sendKeys({ press: 'Shift+Tab' });
    expect(deepActive()).to.equal(save);
  });

  // 200 % zoom of a 1280 × 800 window is a 640 × 400 CSS-pixel viewport; 400 % of 1280 × 1024
  // is 320 × 256 (WCAG 1.4.10's case), and a phone held sideways is about 640 × 300.
  for (const [width, height] of [
    [640, 400],
    [320, 256],
    [640, 300],
  ] as const) {
    it(`at ${width} × ${height} with twelve services: no horizontal scrolling, every switch and button reachable`, async () => {
      await setViewport({ width, height });
      try {
        useKit(twelveServicesConfig());
        const el = await mountDialog();
        await el.show();
        const native = $<HTMLDialogElement>(el, 'dialog');
        expect(native.getBoundingClientRect().width).to.be.at.most(width);
        const body = $(el, '.body');
        expect(body.scrollWidth).to.be.at.most(body.clientWidth);
        const controls = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('button, input, summary') ?? [])];
        expect(controls.length).to.be.greaterThan(12 + 4 + 3);
        for (const control of controls) {
          const name = control.getAttribute('part') ?? control.localName;
          expect(isReachable(control), `${name} ${control.id}`).to.equal(true);
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('has no axe violations with twelve services, details open', async () => {
    useKit(twelveServicesConfig());
    const el = await mountDialog();
    await el.show();
    for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
    await expect(el).to.be.accessible();
  });

  it('has no axe violations pre-filled with an earlier choice', async () => {
    const kit = useKit();
    kit.update({ categories: { analytics: true }, services: { 'adobe-analytics': false } });
    const el = await mountDialog();
    await el.show();
    expect(toggle(el, 'data-service="google-analytics"').checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('has no axe violations in dark mode', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      useKit();
      const el = await mountDialog();
      await el.show();
      expect(getComputedStyle($(el, 'dialog')).backgroundColor).to.equal('rgb(29, 30, 34)');
      for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});
