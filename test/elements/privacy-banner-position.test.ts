/** `<privacy-banner position>`: the value as an editor may write it. */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/privacy-banner/index.js';
import type { PrivacyBanner } from '../../src/elements/privacy-banner/index.js';
import { $, cleanUp, useKit } from './helpers.js';

async function mount(position: string): Promise<PrivacyBanner> {
  const el = await fixture<PrivacyBanner>(html`<privacy-banner position=${position}></privacy-banner>`);
  await el.updateComplete;
  return el;
}

const pagePadding = (edge: 'top' | 'bottom'): number =>
  parseFloat(getComputedStyle(document.documentElement).getPropertyValue(`padding-${edge}`));

describe('<privacy-banner position> in any letter case', () => {
  beforeEach(() => setViewport({ width: 800, height: 600 }));
  afterEach(cleanUp);

  const cases: [string, 'top' | 'bottom'][] = [
    ['Top', 'top'],
    ['TOP', 'top'],
    [' top ', 'top'],
    ['Bottom', 'bottom'],
    ['BOTTOM', 'bottom'],
    ['middle', 'bottom'],
  ];
  for (const [position, edge] of cases) {
    it(`position="${position}" draws the bar at the ${edge} and pads the page only there, by its height`, async () => {
      useKit();
      const el = await mount(position);
      const bar = $(el, '[part="banner"]').getBoundingClientRect();
      if (edge === 'top') expect(bar.top).to.equal(0);
      else expect(Math.round(bar.bottom)).to.equal(innerHeight);
      const other = edge === 'top' ? 'bottom' : 'top';
      expect(pagePadding(edge)).to.be.closeTo(bar.height, 1.5);
      expect(pagePadding(other)).to.equal(0);
    });
  }
});
