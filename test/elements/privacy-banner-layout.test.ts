/** `<privacy-banner>`: where it sits and how big, keyboard use, motion, reflow and axe. */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/elements/privacy-banner/index.js';
import type { PrivacyBanner } from '../../src/elements/privacy-banner/index.js';
import { $, cleanUp, deepActive, isReachable, mountBanner, useKit, animationsDone } from './helpers.js';

describe('<privacy-banner> layout, keyboard and accessibility', function (this: {
  timeout(ms: number): void;
}) {
  // axe runs are slow on a shared two-core machine; behaviour, not speed, is under test here.
  this.timeout(40_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

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
    const el = await mountBanner();
    $(el, '[part="accept-button"]').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(kit.getConsent()?.categories['analytics']).to.equal(false);
  });

  it('after a decision or Esc, focus goes back to where the keyboard came from, not to the top of the page', async () => {
    useKit();
    const before = document.createElement('a');
    before.href = '#last';
    before.textContent = 'last link of the page';
    document.body.prepend(before);
    for (const key of ['Enter', 'Escape']) {
      const el = await mountBanner();
      before.focus();
      $(el, '[part="reject-button"]').focus(); // as Tab does: focus moves from the link into the bar
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(el.open, key).to.equal(false);
      expect(document.activeElement === before, `${key}: focus on the link`).to.equal(true);
      el.remove();
      cleanUp();
      useKit();
    }
    before.remove();
  });

  it('after a mouse click on a decision, leaves focus and scroll alone (no jump back to a field used earlier)', async () => {
    await setViewport({ width: 800, height: 600 });
    useKit();
    const page = await fixture(
      html`<div>
        <input id="search" />
        <div style="height: 3000px"></div>
      </div>`,
    );
    page.querySelector<HTMLInputElement>('#search')?.focus();
    const el = await mountBanner();
    window.scrollTo(0, 2000);
    const box = $(el, '[part="accept-button"]').getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(window.scrollY).to.equal(2000);
    expect(document.activeElement?.id).to.not.equal('search');
    window.scrollTo(0, 0);
  });

  it('gives accept and reject the same size and the same look', async () => {
    useKit();
    for (const width of [1280, 320]) {
      await setViewport({ width, height: 800 });
      const el = await mountBanner();
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

  it('keeps every label on one line and the three buttons equally wide, side by side or stacked', async () => {
    useKit();
    for (const [width, lang, stacked] of [
      [1280, 'en', false],
      [1024, 'nl', false],
      [900, 'nl', false],
      [600, 'nl', true],
      [320, 'nl', true],
    ] as const) {
      await setViewport({ width, height: 800 });
      document.documentElement.setAttribute('lang', lang);
      const el = await mountBanner();
      const boxes = ['accept-button', 'reject-button', 'preferences-button'].map((part) =>
        $(el, `[part="${part}"]`).getBoundingClientRect(),
      );
      for (const box of boxes) expect(box.height, `${width}px ${lang}: one line`).to.be.below(46);
      const widths = boxes.map((box) => Math.round(box.width));
      expect(new Set(widths).size, `${width}px ${lang}: ${widths.join(', ')}`).to.equal(1);
      const rows = new Set(boxes.map((box) => Math.round(box.top))).size;
      expect(rows, `${width}px ${lang}: rows`).to.equal(stacked ? 3 : 1);
      el.remove();
    }
    document.documentElement.setAttribute('lang', 'nl');
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
    const el = await mountBanner('top');
    expect($(el, '[part="banner"]').getBoundingClientRect().top).to.equal(0);
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
    const el = await mountBanner();
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
      const el = await mountBanner('closable');
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
      const el = await mountBanner('closable');
      expect(getComputedStyle($(el, '[part="banner"]')).backgroundColor).to.equal('rgb(29, 30, 34)');
      await animationsDone(el);
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('has no axe violations at the top edge, nor without a close button', async () => {
    useKit();
    const top = await mountBanner('top');
    await animationsDone(top);
    await expect(top).to.be.accessible();
    cleanUp();
    useKit();
    const plain = await mountBanner();
    expect(plain.shadowRoot?.querySelector('[part="close-button"]')).to.equal(null);
    await animationsDone(plain);
    await expect(plain).to.be.accessible();
  });

  // 200 % zoom of a 1280 × 800 window is a 640 × 400 CSS-pixel viewport.
  for (const variant of ['closable', 'top'] as const) {
    it(`at 200 % zoom (${variant}): no horizontal scrolling, every button reachable, by keyboard too`, async () => {
      await setViewport({ width: 640, height: 400 });
      try {
        useKit();
        const el = await mountBanner(variant);
        const bar = $(el, '[part="banner"]');
        expect(document.documentElement.scrollWidth, 'page').to.be.at.most(640);
        expect(bar.scrollWidth, 'banner').to.be.at.most(bar.clientWidth);
        const buttons = [...(el.shadowRoot?.querySelectorAll('button') ?? [])];
        expect(buttons.length).to.equal(variant === 'closable' ? 4 : 3);
        for (const button of buttons)
          expect(isReachable(button), button.getAttribute('part') ?? '').to.equal(true);
        $(el, '[part="accept-button"]').focus();
        for (const part of [
          'reject-button',
          'preferences-button',
          ...(variant === 'closable' ? ['close-button'] : []),
        ]) {
          await sendKeys({ press: 'Tab' });
          expect(deepActive()).to.equal($(el, `[part="${part}"]`));
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  for (const lang of ['nl', 'en']) {
    it(`has no axe violations (${lang}, closable)`, async () => {
      document.documentElement.setAttribute('lang', lang);
      useKit();
      const el = await mountBanner('closable');
      await animationsDone(el);
      await expect(el).to.be.accessible();
    });
  }
});
