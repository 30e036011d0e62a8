import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { createConsent, memoryStorage } from '../../src/core/index.js';
import '../../src/elements/privacy-banner/index.js';
import type { PrivacyBanner } from '../../src/elements/privacy-banner/index.js';
import { usePrivacyKit } from '../../src/elements/context.js';
import { $, announced, cleanUp, deepActive, sampleConfig, shadowText, useKit } from './helpers.js';

async function banner(attrs = ''): Promise<PrivacyBanner> {
  const el = await fixture<PrivacyBanner>(
    attrs === 'closable'
      ? html`<privacy-banner closable></privacy-banner>`
      : attrs === 'top'
        ? html`<privacy-banner position="top"></privacy-banner>`
        : html`<privacy-banner></privacy-banner>`,
  );
  await el.updateComplete;
  return el;
}

describe('<privacy-banner>', function (this: { timeout(ms: number): void }) {
  // axe runs are slow on a shared two-core machine; behaviour, not speed, is under test here.
  this.timeout(40_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('speaks Dutch on a page in <html lang="nl-BE">', async () => {
    document.documentElement.setAttribute('lang', 'nl-BE');
    useKit();
    const el = await banner();
    expect($(el, '[part="accept-button"]').textContent?.trim()).to.equal('Alles accepteren');
    expect($(el, '[part="reject-button"]').textContent?.trim()).to.equal('Alles weigeren');
    expect($(el, '[part="title"]').textContent).to.equal('Mogen wij cookies gebruiken?');
  });

  it('speaks English on an English page, and its own lang attribute wins', async () => {
    document.documentElement.setAttribute('lang', 'en-GB');
    useKit();
    const el = await banner();
    expect($(el, '[part="reject-button"]').textContent?.trim()).to.equal('Reject all');
    el.setAttribute('lang', 'nl');
    await Promise.resolve(); // the MutationObserver that schedules the re-render is a microtask
    await el.updateComplete;
    expect($(el, '[part="reject-button"]').textContent?.trim()).to.equal('Alles weigeren');
  });

  it('falls back to the default language for a key the page language lacks, never a key name', async () => {
    document.documentElement.setAttribute('lang', 'fr');
    useKit({
      ...sampleConfig,
      translations: { fr: { 'banner.title': 'Pouvons-nous utiliser des cookies ?' } },
    });
    const el = await banner();
    expect($(el, '[part="title"]').textContent).to.equal('Pouvons-nous utiliser des cookies ?');
    expect($(el, '[part="accept-button"]').textContent?.trim()).to.equal('Alles accepteren');
    expect(shadowText(el)).not.to.match(/\b(accept|reject|title|message)\b/);
  });

  it('"Accept all" grants everything, says so, fires privacy-banner-action and hides', async () => {
    const kit = useKit();
    const el = await banner();
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

  it('"Reject all" refuses every category and service but necessary', async () => {
    const kit = useKit();
    const el = await banner();
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
    const el = await banner();
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
    const el = await banner();
    $(el, '[part="reject-button"]').focus();
    setTimeout(() => void sendKeys({ press: 'Escape' }));
    const event = await oneEvent(el, 'privacy-banner-action');
    expect(event.detail.action).to.equal('dismiss');
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(kit.getConsent()).to.equal(null);
    expect(kit.needsDecision()).to.equal(true);
  });

  it('the close button (closable) is labelled and is not consent', async () => {
    const kit = useKit();
    const el = await banner('closable');
    const close = $(el, '[part="close-button"]');
    expect(close.getAttribute('aria-label')).to.equal('Melding sluiten zonder te kiezen');
    close.click();
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(kit.getConsent()).to.equal(null);
  });

  it('shows again after reset(), even when it was dismissed', async () => {
    const kit = useKit();
    const el = await banner();
    el.dismiss();
    kit.acceptAll();
    await el.updateComplete;
    expect(el.open).to.equal(false);
    kit.reset();
    await el.updateComplete;
    expect(el.open).to.equal(true);
  });

  it('is a labelled, non-modal region: no aria-modal, and Tab leaves it (no focus trap)', async () => {
    useKit();
    const wrapper = await fixture(
      html`<div><privacy-banner></privacy-banner><button id="after">page</button></div>`,
    );
    const el = wrapper.querySelector('privacy-banner') as PrivacyBanner;
    await el.updateComplete;
    const region = $(el, '[part="banner"]');
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('aria-label')).to.equal('Cookiemelding');
    expect(el.shadowRoot?.querySelector('[aria-modal]')).to.equal(null);
    $(el, '[part="accept-button"]').focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '[part="reject-button"]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '[part="preferences-button"]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(wrapper.querySelector('#after'));
  });

  it('keyboard only: Enter on "Reject all" decides', async () => {
    const kit = useKit();
    const el = await banner();
    $(el, '[part="accept-button"]').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(kit.getConsent()?.categories['analytics']).to.equal(false);
  });

  it('gives accept and reject the same size and the same look', async () => {
    useKit();
    for (const width of [1280, 320]) {
      await setViewport({ width, height: 800 });
      const el = await banner();
      const accept = $(el, '[part="accept-button"]');
      const reject = $(el, '[part="reject-button"]');
      const a = accept.getBoundingClientRect();
      const r = reject.getBoundingClientRect();
      expect(Math.abs(a.width - r.width), `width at ${width}px`).to.be.below(1);
      expect(Math.abs(a.height - r.height), `height at ${width}px`).to.be.below(1);
      const sa = getComputedStyle(accept);
      const sr = getComputedStyle(reject);
      for (const prop of [
        'background-color',
        'color',
        'font-size',
        'font-weight',
        'border-top-width',
        'border-top-color',
        'padding-top',
      ]) {
        expect(sa.getPropertyValue(prop), prop).to.equal(sr.getPropertyValue(prop));
      }
      expect(a.width).to.be.at.least(24);
      expect(a.height).to.be.at.least(24);
    }
    await setViewport({ width: 800, height: 600 });
  });

  it('does not cover a focused element at the bottom of the page (WCAG 2.4.11)', async () => {
    await setViewport({ width: 800, height: 600 });
    useKit();
    const page = await fixture(
      html`<div>
        <div style="height: 1400px">content</div>
        <a href="#last" id="last">last link on the page</a>
        <privacy-banner></privacy-banner>
      </div>`,
    );
    const el = page.querySelector('privacy-banner') as PrivacyBanner;
    await el.updateComplete;
    const link = page.querySelector('#last') as HTMLElement;
    link.focus();
    await new Promise(requestAnimationFrame);
    const bar = $(el, '[part="banner"]').getBoundingClientRect();
    const box = link.getBoundingClientRect();
    expect(box.bottom, 'focused link ends above the banner').to.be.at.most(bar.top);
    expect(box.top).to.be.at.least(0);
    el.dismiss();
    await el.updateComplete;
    expect(getComputedStyle(document.documentElement).paddingBottom).to.equal('0px');
  });

  it('position="top" puts it at the top edge', async () => {
    useKit();
    const el = await banner('top');
    expect($(el, '[part="banner"]').getBoundingClientRect().top).to.equal(0);
  });

  it('after a changed revision says the statement changed and links to #changes', async () => {
    const cookie = memoryStorage();
    const old = createConsent(
      { ...sampleConfig, revision: '2017-01-01' },
      { cookies: cookie, localStorage: null, window: null, BroadcastChannel: null },
    );
    old.rejectAll();
    old.destroy();
    const kit = useKit(sampleConfig, { cookies: cookie });
    expect(kit.needsDecisionReason()).to.equal('revision');
    const el = await banner();
    expect($(el, '[part="message"]').textContent).to.contain('Onze privacyverklaring is gewijzigd');
    expect($<HTMLAnchorElement>(el, '[part="policy-link"]').href).to.equal(
      'https://example.org/privacy#changes',
    );
    await expect(el).to.be.accessible();
  });

  it('links to the privacy statement from config, and to nothing for a javascript: URL', async () => {
    useKit();
    const el = await banner();
    expect($<HTMLAnchorElement>(el, '[part="policy-link"]').href).to.equal('https://example.org/privacy');
    cleanUp();
    useKit({ ...sampleConfig, privacyPolicyUrl: 'javascript:alert(1)' });
    const other = await banner();
    expect(other.shadowRoot?.querySelector('a')).to.equal(null);
  });

  it('takes heading and message from attributes and config overrides, as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    document.documentElement.setAttribute('lang', 'en');
    useKit({ ...sampleConfig, translations: { en: { 'banner.accept': hostile } } });
    const el = await fixture<PrivacyBanner>(
      html`<privacy-banner heading=${hostile} message="Our own words"></privacy-banner>`,
    );
    await el.updateComplete;
    expect($(el, '[part="title"]').textContent).to.equal(hostile);
    expect($(el, '[part="message"]').textContent).to.contain('Our own words');
    expect($(el, '[part="accept-button"]').textContent?.trim()).to.equal(hostile);
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('hides when a decision is made in another tab', async () => {
    const config = { ...sampleConfig, cookie: { name: `tabs_${Date.now()}` } };
    const here = useKit(config, { BroadcastChannel });
    const el = await banner();
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
    const el = await banner();
    expect(el.shadowRoot?.querySelector('[part="banner"]')).to.equal(null);
  });

  it('waits for a consent API that arrives later', async () => {
    const el = await banner();
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

  it('shifts no layout when it appears and when it goes (CLS 0)', async () => {
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    });
    observer.observe({ type: 'layout-shift' });
    const kit = useKit();
    const page = await fixture(
      html`<div>
        <privacy-banner></privacy-banner>
        <p>Some text</p>
        <p>More text</p>
      </div>`,
    );
    const el = page.querySelector('privacy-banner') as PrivacyBanner;
    await el.updateComplete;
    await new Promise(requestAnimationFrame);
    kit.acceptAll();
    await el.updateComplete;
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    observer.takeRecords().forEach((e) => shifts.push((e as PerformanceEntry & { value: number }).value));
    observer.disconnect();
    expect(shifts.reduce((a, b) => a + b, 0)).to.equal(0);
  });

  it('does not animate under prefers-reduced-motion', async () => {
    useKit();
    const el = await banner();
    expect(getComputedStyle($(el, '[part="banner"]')).animationName).to.equal('privacy-rise');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle($(el, '[part="banner"]')).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('reflows at 320 px: nothing wider than the viewport, every button at least 24×24', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      useKit();
      const el = await banner('closable');
      const bar = $(el, '[part="banner"]');
      expect(bar.scrollWidth).to.be.at.most(bar.clientWidth);
      for (const button of el.shadowRoot?.querySelectorAll('button') ?? []) {
        const box = button.getBoundingClientRect();
        expect(box.right, button.getAttribute('part') ?? '').to.be.at.most(320);
        expect(box.width).to.be.at.least(24);
        expect(box.height).to.be.at.least(24);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('has no axe violations in dark mode', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      useKit();
      const el = await banner('closable');
      expect(getComputedStyle($(el, '[part="banner"]')).backgroundColor).to.equal('rgb(29, 30, 34)');
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  for (const lang of ['nl', 'en']) {
    it(`has no axe violations (${lang}, closable)`, async () => {
      document.documentElement.setAttribute('lang', lang);
      useKit();
      const el = await banner('closable');
      await expect(el).to.be.accessible();
    });
  }
});
