/** `<privacy-preferences>`: keyboard-only use, reflow and axe. */
import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-preferences/index.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { $, cleanUp, deepActive, mountDialog, toggle, twelveServicesConfig, useKit } from './helpers.js';

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
});
