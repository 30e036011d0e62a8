/** `<privacy-banner>` with a site's long label: at 320 px (400 % zoom) with a reader's text spacing, and side by side. */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/privacy-banner/index.js';
import type { PrivacyBanner } from '../../src/elements/privacy-banner/index.js';
import { $, cleanUp, mountBanner, sampleConfig, useKit } from './helpers.js';

const LONG = 'Alleen noodzakelijke cookies';
const PARTS = ['accept-button', 'reject-button', 'preferences-button'];

/** A banner whose "reject" label is the site's long one. */
async function mountWithLongLabel(): Promise<PrivacyBanner> {
  useKit({ ...sampleConfig, translations: { nl: { 'banner.reject': LONG } } });
  const el = await mountBanner();
  expect($(el, '[part="reject-button"]').textContent?.trim()).to.equal(LONG);
  return el;
}

/** Every button lies inside the bar and its text inside the button. */
function expectButtonsInside(el: PrivacyBanner, width: number): void {
  const bar = $(el, '[part="banner"]').getBoundingClientRect();
  for (const part of PARTS) {
    const button = $(el, `[part="${part}"]`);
    const box = button.getBoundingClientRect();
    expect(box.left, `${width}px ${part} left`).to.be.at.least(bar.left);
    expect(box.right, `${width}px ${part} right`).to.be.at.most(bar.right);
    expect(button.scrollWidth, `${width}px ${part}: its text fits`).to.be.at.most(button.clientWidth);
  }
  expect(document.documentElement.scrollWidth, 'nothing scrolls sideways').to.be.at.most(width);
}

describe('<privacy-banner> with a long button label', () => {
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(async () => {
    cleanUp();
    await setViewport({ width: 800, height: 600 });
  });

  it('wraps it at 320 px with WCAG 1.4.12 text spacing instead of running off the screen', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mountWithLongLabel();
    const spacing = new CSSStyleSheet();
    spacing.replaceSync(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }',
    );
    el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, spacing];
    expectButtonsInside(el, 320);
  });

  it('wraps it side by side (720 px) too, accept and reject still equally wide', async () => {
    await setViewport({ width: 720, height: 640 });
    const el = await mountWithLongLabel();
    expectButtonsInside(el, 720);
    const [accept, reject] = PARTS.map((part) => $(el, `[part="${part}"]`).getBoundingClientRect());
    expect(Math.round(accept!.top)).to.equal(Math.round(reject!.top));
    expect(Math.round(accept!.width)).to.equal(Math.round(reject!.width));
  });
});
