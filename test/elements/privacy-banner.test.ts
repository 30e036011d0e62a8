/** `<privacy-banner>`: the decisions it records, and when it shows and hides. */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createConsent, memoryStorage } from '../../src/core/index.js';
import '../../src/elements/privacy-banner/index.js';
import { usePrivacyKit } from '../../src/elements/context.js';
import {
  $,
  announced,
  cleanUp,
  mountBanner,
  sampleConfig,
  twelveServicesConfig,
  useKit,
  animationsDone,
} from './helpers.js';

describe('<privacy-banner>', function (this: { timeout(ms: number): void }) {
  // axe runs are slow on a shared two-core machine; behaviour, not speed, is under test here.
  this.timeout(40_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('"Accept all" grants everything, says so, fires privacy-banner-action and hides', async () => {
    const kit = useKit();
    const el = await mountBanner();
    expect(el.open).to.equal(true);
    setTimeout(() => $(el, '[part="accept-button"]').click());
    const event = await oneEvent(el, 'privacy-banner-action');
    expect(event.detail).to.deep.equal({ action: 'accept' });
    const state = kit.getConsent();
    expect(state?.method).to.equal('banner');
    expect(state?.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
    expect(kit.isGranted('youtube')).to.equal(true);
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(el.shadowRoot?.querySelector('[part="banner"]')).to.equal(null);
    await document.querySelector('privacy-announcer')?.updateComplete;
    expect(announced()).to.equal('Uw keuze is opgeslagen.');
  });

  it('says "not saved" and stays when the decision could not be made (the loader\'s decision code failed to load)', async () => {
    const kit = useKit();
    // What window.privacyKit does then: the action resolves to null instead of a state.
    usePrivacyKit({ ...kit, acceptAll: () => Promise.resolve(null) } as unknown as typeof kit);
    const el = await mountBanner();
    $(el, '[part="accept-button"]').click();
    await new Promise((resolve) => setTimeout(resolve));
    await document.querySelector('privacy-announcer')?.updateComplete;
    expect(announced()).to.equal('Uw keuze kon niet worden opgeslagen. Probeer het later opnieuw.');
    await el.updateComplete;
    expect(el.open).to.equal(true);
  });

  it('"Reject all" refuses every category and service but necessary', async () => {
    const kit = useKit();
    const el = await mountBanner();
    setTimeout(() => $(el, '[part="reject-button"]').click());
    const event = await oneEvent(el, 'privacy-banner-action');
    expect(event.detail.action).to.equal('reject');
    expect(kit.getConsent()?.categories).to.deep.equal({
      necessary: true,
      analytics: false,
      marketing: false,
    });
    for (const name of ['google-analytics', 'adobe-analytics', 'youtube', 'analytics', 'marketing']) {
      expect(kit.isGranted(name), name).to.equal(false);
    }
    expect(kit.isGranted('necessary')).to.equal(true);
  });

  it('"Choose for myself" asks the store to show the preferences, naming the button as opener', async () => {
    const kit = useKit();
    const el = await mountBanner();
    const shown = new Promise<Element | null | undefined>((resolve) =>
      kit.on('show-preferences', ({ opener }) => resolve(opener)),
    );
    $(el, '[part="preferences-button"]').click();
    expect(await shown).to.equal($(el, '[part="preferences-button"]'));
    expect(kit.getConsent()).to.equal(null);
    expect(el.open).to.equal(true);
  });

  it('Esc hides it for this page view without storing a decision', async () => {
    const kit = useKit();
    const el = await mountBanner();
    $(el, '[part="reject-button"]').focus();
    setTimeout(() => void sendKeys({ press: 'Escape' }));
    const event = await oneEvent(el, 'privacy-banner-action');
    expect(event.detail.action).to.equal('dismiss');
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(kit.getConsent()).to.equal(null);
    expect(kit.needsDecision()).to.equal(true);
  });

  it("keeps Esc to itself: the page's own Esc handlers (a site menu, a modal) do not also react", async () => {
    useKit();
    const el = await mountBanner();
    let pageSawEscape = false;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') pageSawEscape = true;
    };
    document.addEventListener('keydown', onKey);
    try {
      $(el, '[part="accept-button"]').focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(pageSawEscape, 'the page saw the Esc').to.equal(false);
    } finally {
      document.removeEventListener('keydown', onKey);
    }
  });

  it('fires privacy-banner-show when it appears and privacy-banner-hide when dismissed', async () => {
    useKit();
    const events: string[] = [];
    const log = (event: Event): void => void events.push(event.type);
    document.addEventListener('privacy-banner-show', log);
    document.addEventListener('privacy-banner-hide', log);
    try {
      const el = await mountBanner();
      el.dismiss();
      await el.updateComplete;
      expect(events).to.deep.equal(['privacy-banner-show', 'privacy-banner-hide']);
    } finally {
      document.removeEventListener('privacy-banner-show', log);
      document.removeEventListener('privacy-banner-hide', log);
    }
  });

  it('dismiss() after a decision does nothing: no "dismiss" action is reported', async () => {
    const kit = useKit();
    const el = await mountBanner();
    kit.acceptAll();
    await el.updateComplete;
    const actions: string[] = [];
    el.addEventListener('privacy-banner-action', (event) => actions.push(event.detail.action));
    el.dismiss();
    await el.updateComplete;
    expect(actions).to.deep.equal([]);
  });

  it('the close button (closable) is labelled and is not consent', async () => {
    const kit = useKit();
    const el = await mountBanner('closable');
    const close = $(el, '[part="close-button"]');
    expect(close.getAttribute('aria-label')).to.equal('Melding sluiten zonder te kiezen');
    close.click();
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(kit.getConsent()).to.equal(null);
  });

  it('shows again after reset(), even when it was dismissed', async () => {
    const kit = useKit();
    const el = await mountBanner();
    el.dismiss();
    kit.acceptAll();
    await el.updateComplete;
    expect(el.open).to.equal(false);
    kit.reset();
    await el.updateComplete;
    expect(el.open).to.equal(true);
  });

  it('hides when a decision is made in another tab', async () => {
    const config = { ...sampleConfig, cookie: { name: `tabs_${Date.now()}` } };
    const here = useKit(config, { BroadcastChannel });
    const el = await mountBanner();
    const other = createConsent(config, {
      cookies: memoryStorage(),
      localStorage: null,
      window: null,
      BroadcastChannel,
    });
    const received = new Promise((resolve) => here.subscribe(resolve));
    other.acceptAll();
    await received;
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(here.getConsent()?.categories['analytics']).to.equal(true);
    other.destroy();
  });

  it('is never painted for a visitor who already decided', async () => {
    const kit = useKit();
    kit.rejectAll();
    const el = await mountBanner();
    expect(el.shadowRoot?.querySelector('[part="banner"]')).to.equal(null);
  });

  it('waits for a consent API that arrives later', async () => {
    const el = await mountBanner();
    expect(el.open).to.equal(false);
    const kit = createConsent(sampleConfig, {
      cookies: memoryStorage(),
      localStorage: null,
      window: null,
      BroadcastChannel: null,
    });
    usePrivacyKit(kit);
    await Promise.resolve(); // the element subscribes when the API's promise settles
    await el.updateComplete;
    expect(el.open).to.equal(true);
    kit.destroy();
  });

  for (const [name, config] of [
    ['no services', { revision: 'r0', categories: { analytics: {} } }],
    ['twelve services', twelveServicesConfig()],
  ] as const) {
    it(`asks and records the decision with ${name}`, async () => {
      const kit = useKit(config);
      const el = await mountBanner();
      expect(el.open).to.equal(true);
      await animationsDone(el);
      await expect(el).to.be.accessible();
      $(el, '[part="accept-button"]').click();
      for (const service of Object.keys(kit.config.services))
        expect(kit.isGranted(service), service).to.equal(true);
      expect(kit.isGranted('analytics')).to.equal(true);
      await el.updateComplete;
      expect(el.open).to.equal(false);
    });
  }
});
