/** `<privacy-cookie-table>` as a screen reader walks it: each cell named by its service and column. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import type { PrivacyCookieTable } from '../../src/elements/privacy-statement/index.js';
import { cleanUp, shadowAll, shadowOne, squash, useKit } from './helpers.js';

describe('<privacy-cookie-table> structure', () => {
  afterEach(() => cleanUp());

  it('heads each row with its service and each column with its name, in a region named by the caption', async () => {
    useKit();
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="en"></privacy-cookie-table>`,
    );
    const rowHeaders = shadowAll(table, 'tbody th');
    expect(rowHeaders.map((th) => [squash(th.textContent), th.getAttribute('scope')])).to.deep.equal([
      ['Your cookie choice', 'row'],
      ['Google Analytics', 'row'],
      ['Adobe Analytics', 'row'],
      ['YouTube', 'row'],
    ]);
    expect(shadowAll(table, 'thead th').every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    const region = shadowOne(table, '[role="region"]');
    const caption = shadowOne(table, 'caption');
    expect(region.getAttribute('aria-labelledby')).to.equal(caption.id);
    expect(squash(caption.textContent)).to.equal('Services and cookies on this website');
  });
});
