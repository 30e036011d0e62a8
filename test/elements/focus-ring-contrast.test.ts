/** The floating settings button's focus ring, drawn on the site's own background (WCAG 1.4.11). */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/privacy-settings-button/index.js';
import type { PrivacySettingsButton } from '../../src/elements/privacy-settings-button/index.js';
import { $, cleanUp, useKit } from './helpers.js';
import { focusRings, indicatorContrast } from './focus-ring.js';

const PAGES = { light: 'rgb(255, 255, 255)', dark: 'rgb(18, 18, 18)' };

async function focusedFloatingButton(page: string): Promise<HTMLElement> {
  const kit = useKit();
  kit.acceptAll();
  const wrapper = await fixture<HTMLElement>(
    html`<div style=${`background: ${page}`}>
      <privacy-settings-button variant="floating"></privacy-settings-button>
    </div>`,
  );
  const el = wrapper.querySelector('privacy-settings-button') as PrivacySettingsButton;
  await el.updateComplete;
  const button = $(el, '[part="button"]');
  button.focus();
  await sendKeys({ press: 'Shift' }); // a keyboard interaction: the ring is :focus-visible
  expect(button.matches(':focus-visible')).to.equal(true);
  return button;
}

describe('<privacy-settings-button variant="floating"> focus ring', () => {
  afterEach(async () => {
    cleanUp();
    await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const [pageName, page] of Object.entries(PAGES)) {
      it(`stands out 3:1 for a visitor in ${scheme} mode on a ${pageName} page`, async () => {
        await emulateMedia({ colorScheme: scheme });
        const button = await focusedFloatingButton(page);
        const rings = focusRings(button, page);
        expect(indicatorContrast(rings), JSON.stringify(rings)).to.be.at.least(3);
      });
    }
  }

  it('keeps a solid outline in forced colours', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const button = await focusedFloatingButton(PAGES.light);
    const style = getComputedStyle(button);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    expect(style.outlineColor).to.not.equal(style.backgroundColor);
  });
});
