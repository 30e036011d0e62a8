/** `<privacy-cookie-table>`: its table structure for screen readers, and which config text it shows. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import type { PrivacyCookieTable } from '../../src/elements/privacy-statement/index.js';
import { cleanUp, kopgroepConfig, shadowAll, shadowOne, squash, useKit } from './helpers.js';

describe('<privacy-cookie-table> structure and config text', () => {
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

  it("reads the config's texts in the table's language first, not the config's own", async () => {
    useKit(); // config language nl, texts in nl and en
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="en"></privacy-cookie-table>`,
    );
    const row = shadowOne(table, 'tr[data-service="google-analytics"]');
    expect(squash(row.querySelector('.purpose')?.textContent)).to.equal('Measuring visits');
    expect(squash(row.querySelector('li')?.textContent)).to.equal('_ga — 2 years');
  });

  it('treats a text of only spaces in the config as missing', async () => {
    useKit({
      ...kopgroepConfig,
      services: {
        youtube: {
          category: 'marketing',
          label: '   ',
          provider: 'Google',
          description: { nl: ' ', en: 'Videos' },
        },
      },
    });
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`,
    );
    const row = shadowOne(table, 'tr[data-service="youtube"]');
    expect(squash(row.querySelector('th')?.textContent)).to.equal('YouTube');
    expect(squash(row.querySelector('.purpose')?.textContent)).to.equal('Videos');
  });
});
