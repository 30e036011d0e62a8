/** The statement's "change cookie settings" focus ring, drawn on the site's page (WCAG 1.4.11). */
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/privacy-statement/index.js';
import nl from '../../statements/kopgroep.nl.json';
import { focusRings, indicatorContrast } from '../elements/focus-ring.js';
import { cleanUp, mountStatement, shadowOne, useKit } from './helpers.js';

const PAGES = {
  light: { background: 'rgb(255, 255, 255)', color: 'rgb(27, 27, 31)' },
  dark: { background: 'rgb(18, 18, 18)', color: 'rgb(236, 238, 244)' },
};

async function focusedButton(page: { background: string; color: string }): Promise<HTMLElement> {
  useKit();
  const wrapper = document.createElement('div');
  wrapper.style.background = page.background;
  wrapper.style.color = page.color;
  document.body.append(wrapper);
  const { el } = await mountStatement((s) => (s.document = nl), wrapper);
  const button = shadowOne(el, 'button[part="change-choices"]') as HTMLElement;
  button.focus();
  await sendKeys({ press: 'Shift' }); // a keyboard interaction: the ring is :focus-visible
  expect(button.matches(':focus-visible')).to.equal(true);
  return button;
}

describe('<privacy-statement> "change cookie settings" focus ring', () => {
  afterEach(async () => {
    cleanUp();
    document.body.replaceChildren();
    await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, page] of Object.entries(PAGES)) {
      it(`stands out 3:1 on a ${name} page (visitor in ${scheme} mode)`, async () => {
        await emulateMedia({ colorScheme: scheme });
        const button = await focusedButton(page);
        const rings = focusRings(button, page.background);
        expect(indicatorContrast(rings), JSON.stringify(rings)).to.be.at.least(3);
      });
    }
  }

  it('keeps a solid outline in forced colours', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const button = await focusedButton(PAGES.light);
    const style = getComputedStyle(button);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });
});
