import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createConsent, memoryStorage } from '../../src/core/index.js';
import type { PrivacyKitConfig } from '../../src/core/types.js';
import '../../src/elements/privacy-gate/index.js';
import type { PrivacyGate } from '../../src/elements/privacy-gate/index.js';
import { usePrivacyKit } from '../../src/elements/context.js';
import { $, cleanUp, deepActive, sampleConfig, shadowText, twelveServicesConfig, useKit } from './helpers.js';

// A same-origin address: tests never send traffic off this machine.
const EMBED = `${location.origin}/__embed-test__`;

async function gate(service = 'youtube', src = EMBED): Promise<PrivacyGate> {
  const el = await fixture<PrivacyGate>(
    html`<privacy-gate service=${service}><iframe title="Video" data-src=${src}></iframe></privacy-gate>`,
  );
  await el.updateComplete;
  return el;
}

const frame = (el: PrivacyGate) => el.querySelector('iframe') as HTMLIFrameElement;

describe('<privacy-gate>', function (this: { timeout(ms: number): void }) {
  // axe runs are slow on a shared two-core machine; behaviour, not speed, is under test here.
  this.timeout(40_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('shows who provides the embed and why it waits; the iframe has no src', async () => {
    useKit();
    const el = await gate();
    expect(frame(el).hasAttribute('src')).to.equal(false);
    expect(el.shadowRoot?.querySelector('slot')).to.equal(null);
    expect(shadowText(el)).to.contain('Google (YouTube)');
    expect(shadowText(el)).to.contain(
      'kan Google (YouTube) cookies plaatsen en uw bezoek volgen. Dit valt onder ‘Marketing’ in uw cookie-instellingen.',
    );
    expect($(el, '[part="allow-button"]').textContent?.trim()).to.equal('YouTube altijd toestaan');
    expect($<HTMLAnchorElement>(el, '[part="policy-link"]').href).to.equal(
      'https://policies.google.com/privacy',
    );
    await expect(el).to.be.accessible();
  });

  it("reserves the embed's size: its width/height ratio, else 16/9, and grows when the text needs it", async () => {
    useKit();
    const page = await fixture<HTMLElement>(
      html`<div style="width: 640px">
        <privacy-gate service="youtube"
          ><iframe title="A" width="400" height="300" data-src=${EMBED}></iframe
        ></privacy-gate>
        <privacy-gate service="youtube"><iframe title="B" data-src=${EMBED}></iframe></privacy-gate>
        <privacy-gate service="youtube" style="--privacy-gate-aspect: 2 / 1"
          ><iframe title="C" width="400" height="300" data-src=${EMBED}></iframe
        ></privacy-gate>
        <div style="width: 240px">
          <privacy-gate service="youtube"
            ><iframe title="D" width="560" height="315" data-src=${EMBED}></iframe
          ></privacy-gate>
        </div>
      </div>`,
    );
    const gates = [...page.querySelectorAll('privacy-gate')];
    for (const g of gates) await g.updateComplete;
    const [fourThree, plain, custom, narrow] = gates.map((g) =>
      $(g, '[part="placeholder"]').getBoundingClientRect(),
    );
    expect(Math.round(fourThree!.height)).to.equal(480);
    expect(Math.round(plain!.height)).to.equal(360);
    expect(Math.round(custom!.height)).to.equal(320);
    // 240 px wide at 16/9 would be 135 px: the text and buttons fit instead, nothing spills out.
    const box = $(gates[3]!, '[part="placeholder"]');
    expect(narrow!.height).to.be.greaterThan(240);
    expect(box.scrollHeight).to.be.at.most(box.clientHeight + 1);
    // The embed that replaces the placeholder takes the same room.
    $(gates[0]!, '[part="load-once-button"]').click();
    await gates[0]!.updateComplete;
    expect(Math.round(gates[0]!.getBoundingClientRect().width)).to.equal(640);
  });

  it('is a group named by its title, so a screen reader says what waits before the buttons', async () => {
    useKit();
    const el = await gate();
    const group = $(el, '[part="placeholder"]');
    expect(group.getAttribute('role')).to.equal('group');
    const name = el.shadowRoot?.getElementById(group.getAttribute('aria-labelledby') ?? '');
    expect(name === $(el, '[part="title"]'), 'named by the title').to.equal(true);
  });

  it('"Load this once" loads this embed only and stores nothing', async () => {
    const kit = useKit();
    const el = await gate();
    const other = await gate();
    setTimeout(() => $(el, '[part="load-once-button"]').click());
    const event = await oneEvent(el, 'privacy-gate-load');
    expect(event.detail).to.deep.equal({ service: 'youtube', persistent: false });
    await el.updateComplete;
    expect(frame(el).getAttribute('src')).to.equal(EMBED);
    expect(deepActive()).to.equal(frame(el));
    expect(frame(other).hasAttribute('src')).to.equal(false);
    expect(kit.getConsent()).to.equal(null);
    expect(kit.isGranted('youtube')).to.equal(false);
  });

  it('"Always allow" grants the service and its category (method gate) and loads every gate of it', async () => {
    const kit = useKit();
    const el = await gate();
    const other = await gate();
    setTimeout(() => $(el, '[part="allow-button"]').click());
    const event = await oneEvent(el, 'privacy-gate-load');
    expect(event.detail.persistent).to.equal(true);
    expect(kit.isGranted('youtube')).to.equal(true);
    expect(kit.getConsent()?.categories['marketing']).to.equal(true);
    expect(kit.getConsent()?.method).to.equal('gate');
    expect(kit.isGranted('google-analytics')).to.equal(false);
    await other.updateComplete;
    expect(frame(el).getAttribute('src')).to.equal(EMBED);
    expect(frame(other).getAttribute('src')).to.equal(EMBED);
  });

  describe('"Always allow" with three marketing services', () => {
    const threeMarketing: PrivacyKitConfig = {
      ...sampleConfig,
      services: {
        ...sampleConfig.services,
        vimeo: { category: 'marketing', provider: 'Vimeo' },
        'facebook-pixel': { category: 'marketing', provider: 'Meta' },
      },
    };

    it('allows only its own service after the visitor refused the other two', async () => {
      const kit = useKit(threeMarketing);
      kit.rejectAll();
      const el = await gate();
      $(el, '[part="allow-button"]').click();
      expect(kit.isGranted('youtube')).to.equal(true);
      expect(kit.isGranted('vimeo')).to.equal(false);
      expect(kit.isGranted('facebook-pixel')).to.equal(false);
      expect(kit.isGranted('google-analytics')).to.equal(false);
    });

    it('keeps each other service of the category as it was (one on, one off)', async () => {
      const kit = useKit(threeMarketing);
      kit.update({
        categories: { analytics: true, marketing: true },
        services: { youtube: false, vimeo: true, 'facebook-pixel': false },
      });
      const el = await gate();
      $(el, '[part="allow-button"]').click();
      expect(kit.isGranted('youtube')).to.equal(true);
      expect(kit.isGranted('vimeo')).to.equal(true);
      expect(kit.isGranted('facebook-pixel')).to.equal(false);
      expect(kit.isGranted('google-analytics')).to.equal(true);
    });
  });

  it('shows the embed at once when already granted, and unloads it again on withdrawal', async () => {
    const kit = useKit();
    kit.acceptAll();
    const el = await gate();
    expect(el.shadowRoot?.querySelector('slot')).to.not.equal(null);
    const loaded = frame(el);
    expect(loaded.getAttribute('src')).to.equal(EMBED);
    await expect(el).to.be.accessible();
    kit.update({ services: { youtube: false } });
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="placeholder"]')).to.not.equal(null);
    expect(loaded.isConnected).to.equal(false);
    expect(frame(el).hasAttribute('src')).to.equal(false);
    expect(frame(el).getAttribute('data-src')).to.equal(EMBED);
  });

  it('loads an embed added after the gate opened, without waiting for another update', async () => {
    const kit = useKit();
    kit.acceptAll();
    const el = await fixture<PrivacyGate>(html`<privacy-gate service="youtube"></privacy-gate>`);
    await el.updateComplete;
    const slot = $<HTMLSlotElement>(el, 'slot');
    const iframe = document.createElement('iframe');
    iframe.title = 'Video';
    iframe.setAttribute('data-src', EMBED);
    const changed = oneEvent(slot, 'slotchange');
    el.append(iframe);
    await changed;
    expect(iframe.getAttribute('src')).to.equal(EMBED);
    expect(iframe.hasAttribute('data-src')).to.equal(false);
  });

  it('a withdrawal also ends "Load this once"', async () => {
    const kit = useKit();
    kit.acceptAll();
    kit.rejectAll();
    const el = await gate();
    $(el, '[part="load-once-button"]').click();
    await el.updateComplete;
    expect(el.loaded).to.equal(true);
    kit.acceptAll();
    await el.updateComplete;
    kit.rejectAll();
    await el.updateComplete;
    expect(el.loaded).to.equal(false);
    expect(frame(el).hasAttribute('src')).to.equal(false);
  });

  it('never loads an unknown service and says why', async () => {
    const kit = useKit();
    const el = await gate('vimeo');
    expect($(el, '[part="error"]').textContent).to.contain('‘vimeo’');
    expect(el.shadowRoot?.querySelector('button')).to.equal(null);
    kit.acceptAll();
    await el.updateComplete;
    expect(frame(el).hasAttribute('src')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('refuses a javascript: data-src even when granted', async () => {
    const kit = useKit();
    kit.acceptAll();
    const el = await gate('youtube', 'javascript:window.__pwned=1');
    expect(frame(el).hasAttribute('src')).to.equal(false);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('names the category with its config label as written (not lowercased)', async () => {
    useKit({
      ...sampleConfig,
      categories: { ...sampleConfig.categories, marketing: { label: 'Video’s van YouTube' } },
    });
    const el = await gate();
    expect($(el, '[part="message"]').textContent).to.contain('Dit valt onder ‘Video’s van YouTube’');
  });

  it('renders hostile config text literally', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    useKit({
      revision: 'x',
      categories: { marketing: { label: hostile } },
      services: {
        youtube: { category: 'marketing', label: hostile, provider: hostile, description: hostile },
      },
    });
    const el = await gate();
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    expect(shadowText(el)).to.contain(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('waits for a consent API that arrives later', async () => {
    const el = await gate();
    expect(el.shadowRoot?.querySelector('button')).to.equal(null);
    const kit = createConsent(sampleConfig, {
      cookies: memoryStorage(),
      localStorage: null,
      window: null,
      BroadcastChannel: null,
    });
    usePrivacyKit(kit);
    await Promise.resolve(); // the element subscribes when the API's promise settles
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="allow-button"]')).to.not.equal(null);
    kit.destroy();
  });

  it('in English, names the service as the source and its provider as who may set cookies', async () => {
    useKit();
    const el = await fixture<PrivacyGate>(
      html`<privacy-gate service="youtube" lang="en"
        ><iframe title="Video" data-src=${EMBED}></iframe
      ></privacy-gate>`,
    );
    await el.updateComplete;
    expect(shadowText(el)).to.contain(
      'This content comes from YouTube. If you load it, Google (YouTube) may set cookies and track your visits. This falls under ‘Marketing’ in your cookie settings.',
    );
    expect($(el, '[part="policy-link"]').textContent?.trim()).to.equal('Google (YouTube)’s privacy policy');
  });

  it('has no axe violations in English', async () => {
    document.documentElement.setAttribute('lang', 'en');
    useKit();
    const el = await gate();
    expect($(el, '[part="load-once-button"]').textContent?.trim()).to.equal('Load this once');
    await expect(el).to.be.accessible();
  });

  it('has no axe violations while waiting for the consent API (no config yet)', async () => {
    const el = await gate();
    expect(shadowText(el)).to.equal('Deze inhoud wordt pas geladen als u daarvoor kiest.');
    expect(el.shadowRoot?.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keyboard only: Tab reaches "Load this once" then "Always allow"; Enter loads once', async () => {
    const kit = useKit();
    const page = await fixture(
      html`<div>
        <button id="before">before</button>
        <privacy-gate service="youtube"><iframe title="Video" data-src=${EMBED}></iframe></privacy-gate>
      </div>`,
    );
    const el = page.querySelector('privacy-gate') as PrivacyGate;
    await el.updateComplete;
    (page.querySelector('#before') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    // The policy link comes first: it is part of the explanation, before the choice.
    expect(deepActive()).to.equal($(el, '[part="policy-link"]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '[part="load-once-button"]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '[part="allow-button"]'));
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(frame(el).getAttribute('src')).to.equal(EMBED);
    expect(deepActive()).to.equal(frame(el));
    expect(kit.getConsent()).to.equal(null);
  });

  it('keyboard only: Space on "Always allow" records consent for the service', async () => {
    const kit = useKit();
    const el = await gate();
    $(el, '[part="allow-button"]').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(kit.isGranted('youtube')).to.equal(true);
    expect(frame(el).getAttribute('src')).to.equal(EMBED);
  });

  it('with no services configured, says the service is not set up', async () => {
    useKit({ revision: 'r0', categories: { marketing: {} } });
    const el = await gate();
    expect($(el, '[part="error"]').textContent).to.contain('‘youtube’');
    await expect(el).to.be.accessible();
  });

  it('with twelve services, "Always allow" changes only its own, and the placeholder is accessible', async () => {
    const kit = useKit(twelveServicesConfig());
    kit.rejectAll();
    const el = await gate('service-5');
    expect($(el, '[part="allow-button"]').textContent?.trim()).to.equal('Service 5 altijd toestaan');
    await expect(el).to.be.accessible();
    const before = kit.getConsent()?.services;
    $(el, '[part="allow-button"]').click();
    const after = kit.getConsent()?.services ?? {};
    const changed = Object.keys(after).filter((name) => after[name] !== before?.[name]);
    expect(changed).to.deep.equal(['service-5']);
    expect(kit.isGranted('service-5')).to.equal(true);
  });
});
