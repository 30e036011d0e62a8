/** `<privacy-cookie-table>`: what it lists, live status, languages, keyboard, 0 and 12 services, config text. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import type { PrivacyCookieTable } from '../../src/elements/privacy-statement/index.js';
import nl from '../../statements/kopgroep.nl.json';
import { loadI18next, resetI18nextForTests } from '../../src/i18n/i18n.js';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../wait.js';
import { twelveServicesConfig } from '../elements/helpers.js';
import {
  AXE_TEST_TIMEOUT_MS,
  cleanUp,
  kopgroepConfig,
  mountStatement,
  shadowAll,
  shadowOne,
  squash,
  useKit,
  type SuiteContext,
  statuses,
} from './helpers.js';

describe('<privacy-cookie-table>', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(() => cleanUp());

  it("names Google's and Adobe's known cookies when the config lists none, and says when nothing is listed", async () => {
    useKit({
      revision: 'r',
      language: 'en',
      categories: { analytics: {}, marketing: {} },
      services: {
        'google-analytics': { category: 'analytics' },
        'adobe-analytics': { category: 'analytics' },
        youtube: { category: 'marketing' },
        chat: { category: 'marketing', cookies: [] },
      },
    });
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="en"></privacy-cookie-table>`,
    );
    const cookiesOf = (service: string) =>
      squash(shadowOne(table, `tr[data-service="${service}"]`).children[3]?.textContent);
    expect(cookiesOf('google-analytics')).to.match(/^_ga _ga_\* _gid/);
    expect(cookiesOf('adobe-analytics')).to.contain('AMCV_*');
    // Not listed is not the same as none: the statement above the table may well say it sets some.
    expect(cookiesOf('youtube')).to.equal('Not listed');
    expect(cookiesOf('chat')).to.equal('None');
  });

  it('lists every configured service with purpose, provider, cookies and lifetimes', async () => {
    useKit();
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`,
    );
    const ga = shadowOne(table, 'tr[data-service="google-analytics"]');
    const cells = [...ga.children].map((c) => squash(c.textContent));
    expect([0, 1, 2, 4].map((i) => cells[i])).to.deep.equal([
      'Google Analytics',
      'Bezoek meten',
      'Google',
      'Nog geen keuze',
    ]);
    expect([...ga.querySelectorAll('li')].map((li) => squash(li.textContent))).to.deep.equal([
      '_ga — 2 jaar',
      '_gid',
    ]);
    const yt = [...shadowOne(table, 'tr[data-service="youtube"]').children].map((c) => squash(c.textContent));
    expect(yt.slice(0, 3)).to.deep.equal(['YouTube', 'Video’s van YouTube', 'Google']);
    const own = [...shadowOne(table, 'tr[data-service="(consent)"]').children].map((c) =>
      squash(c.textContent),
    );
    expect(own).to.deep.equal([
      'Uw cookiekeuze',
      'Onthoudt welke cookies u toestaat, zodat wij het u niet bij elk bezoek vragen.',
      'Deze website',
      'privacy_consent — 182 dagen',
      'Altijd aan (noodzakelijk)',
    ]);
    expect(squash(shadowOne(table, 'caption').textContent)).to.equal('Diensten en cookies op deze website');
    await expect(table).to.be.accessible();
  });

  it('follows the visitor’s choice live, without a reload', async () => {
    const kit = useKit();
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="en"></privacy-cookie-table>`,
    );
    expect(statuses(table)).to.deep.include({
      'google-analytics': 'No choice yet',
      youtube: 'No choice yet',
    });
    kit.update({ categories: { analytics: true, marketing: false } });
    await table.updateComplete;
    expect(statuses(table)).to.deep.include({
      'google-analytics': 'Allowed',
      'adobe-analytics': 'Allowed',
      youtube: 'Refused',
    });
    kit.update({ services: { 'adobe-analytics': false } });
    await table.updateComplete;
    expect(statuses(table)).to.deep.include({ 'google-analytics': 'Allowed', 'adobe-analytics': 'Refused' });
    kit.rejectAll();
    await table.updateComplete;
    expect(statuses(table)).to.deep.include({
      'google-analytics': 'Refused',
      youtube: 'Refused',
      '(consent)': 'Always on (necessary)',
    });
    await expect(table).to.be.accessible();
  });

  it('shows a service of the necessary category as always on, before and after a refusal', async () => {
    const kit = useKit({
      ...kopgroepConfig,
      services: { ...kopgroepConfig.services, login: { category: 'necessary', label: 'Login' } },
    });
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="en"></privacy-cookie-table>`,
    );
    expect(statuses(table)).to.deep.include({ login: 'Always on (necessary)' });
    kit.rejectAll();
    await table.updateComplete;
    expect(statuses(table)).to.deep.include({ login: 'Always on (necessary)' });
  });

  it('shows analytics as allowed while the analytics exemption runs it without a decision', async () => {
    const kit = useKit({ ...kopgroepConfig, analyticsExemption: true });
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="en"></privacy-cookie-table>`,
    );
    expect(kit.isGranted('google-analytics')).to.equal(true);
    expect(statuses(table)).to.deep.include({ 'google-analytics': 'Allowed', youtube: 'No choice yet' });
  });

  it('updates inside the statement too', async () => {
    const kit = useKit();
    const { el } = await mountStatement((s) => (s.document = nl));
    const table = shadowOne<PrivacyCookieTable>(el, 'privacy-cookie-table');
    expect(table.closest('section')?.getAttribute('data-section')).to.equal('website');
    expect(statuses(table)['google-analytics']).to.equal('Nog geen keuze');
    kit.acceptAll();
    await table.updateComplete;
    expect(statuses(table)['google-analytics']).to.equal('Toegestaan');
    el.remove();
  });

  it('says "1 dag" / "1 day" and "N dagen" / "N days", with or without i18next', async () => {
    const lifetime = async (lang: string) => {
      const table = await fixture<PrivacyCookieTable>(
        html`<privacy-cookie-table lang=${lang}></privacy-cookie-table>`,
      );
      return squash(shadowOne(table, 'tr[data-service="(consent)"] li').textContent);
    };
    useKit({ ...kopgroepConfig, cookie: { maxAgeDays: 1 } });
    expect(await lifetime('nl')).to.equal('privacy_consent — 1 dag');
    expect(await lifetime('en')).to.equal('privacy_consent — 1 day');
    await loadI18next();
    try {
      expect(await lifetime('nl')).to.equal('privacy_consent — 1 dag');
      cleanUp();
      useKit({ ...kopgroepConfig, cookie: { maxAgeDays: 30 } });
      expect(await lifetime('en')).to.equal('privacy_consent — 30 days');
    } finally {
      resetI18nextForTests();
    }
  });

  it('names well-known services and categories when the config gives no labels (the minimal script-tag config)', async () => {
    useKit({
      revision: '2018-06-18',
      language: 'nl',
      categories: { analytics: {}, marketing: {} },
      services: {
        'google-analytics': { category: 'analytics', google: { measurementId: 'G-XXXX' } },
        'adobe-analytics': { category: 'analytics' },
      },
    });
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`,
    );
    const cells = (service: string) =>
      [...shadowOne(table, `tr[data-service="${service}"]`).children]
        .slice(0, 2)
        .map((c) => squash(c.textContent));
    expect(cells('google-analytics')).to.deep.equal(['Google Analytics', 'Statistieken']);
    expect(cells('adobe-analytics')).to.deep.equal(['Adobe Analytics', 'Statistieken']);
  });

  it('says the overview is unavailable on a page without consent settings', async () => {
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`,
    );
    expect(squash(shadowOne(table, '[part="unavailable"]').textContent)).to.contain('niet beschikbaar');
    await expect(table).to.be.accessible();
  });

  it('treats an empty text in the config as missing and falls back (next language, then the category)', async () => {
    useKit({
      ...kopgroepConfig,
      services: {
        'google-analytics': { category: 'analytics', label: { nl: '', en: 'GA' }, description: '' },
      },
    });
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`,
    );
    const cells = [...shadowOne(table, 'tr[data-service="google-analytics"]').children].map((c) =>
      squash(c.textContent),
    );
    expect(cells.slice(0, 2)).to.deep.equal(['GA', 'Bezoek meten']);
  });

  it('keeps cookie names whole, and stacks the rows as labelled cards when the element is narrow', async () => {
    useKit({
      ...kopgroepConfig,
      services: {
        youtube: { category: 'marketing', cookies: [{ name: 'VISITOR_INFO1_LIVE', lifetime: '6 maanden' }] },
      },
    });
    const page = await fixture<HTMLElement>(
      html`<div>
        <div style="width: 1000px"><privacy-cookie-table lang="nl"></privacy-cookie-table></div>
        <div style="width: 320px"><privacy-cookie-table lang="nl"></privacy-cookie-table></div>
      </div>`,
    );
    const [wide, narrow] = [...page.querySelectorAll('privacy-cookie-table')] as PrivacyCookieTable[];
    await wide!.updateComplete;
    await narrow!.updateComplete;
    for (const table of [wide!, narrow!]) {
      const code = shadowOne(table, 'tr[data-service="youtube"] code');
      expect(code.getClientRects().length, 'one line box: the name is not broken').to.equal(1);
    }
    // Wide: a table, the header row visible.
    const wideRow = shadowOne(wide!, 'tr[data-service="youtube"]');
    expect(getComputedStyle(wideRow).display).to.equal('table-row');
    // Narrow: cards, each value under its own label, nothing to scroll sideways.
    const row = shadowOne(narrow!, 'tr[data-service="youtube"]');
    expect(getComputedStyle(row).display).to.equal('block');
    const purpose = row.querySelector('td') as HTMLElement;
    expect(purpose.dataset['label']).to.equal('Doel');
    expect(getComputedStyle(purpose, '::before').content).to.contain('Doel');
    const region = shadowOne(narrow!, '[role="region"]');
    expect(region.scrollWidth).to.be.at.most(region.clientWidth);
    // The table stays a table for assistive technology whatever its CSS display.
    expect(shadowOne(narrow!, 'table').getAttribute('role')).to.equal('table');
    expect(purpose.getAttribute('role')).to.equal('cell');
    await expect(narrow).to.be.accessible();
  });

  it("lets a keyboard user reach the table's scroll region and scroll it with the arrow keys", async () => {
    useKit({
      ...kopgroepConfig,
      services: {
        chat: {
          category: 'marketing',
          cookies: ['a_very_long_cookie_name_that_a_chat_vendor_sets_for_its_sessions'],
        },
      },
    });
    const page = await fixture<HTMLElement>(
      html`<div style="width: 800px">
        <button id="before">before</button>
        <privacy-cookie-table lang="nl"></privacy-cookie-table>
      </div>`,
    );
    const table = page.querySelector('privacy-cookie-table') as PrivacyCookieTable;
    await table.updateComplete;
    const region = shadowOne(table, '[role="region"]');
    expect(region.getAttribute('aria-labelledby')).to.equal('caption');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.scrollWidth, 'the table is wider than 800 px').to.be.greaterThan(region.clientWidth);
    (page.querySelector('#before') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(table.shadowRoot?.activeElement === region).to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => region.scrollLeft > 0, 'the region scrolls');
    await expect(table).to.be.accessible();
  });

  it("puts a document's own table in a named region a keyboard user can Tab to", async () => {
    const doc = structuredClone(nl) as typeof nl & { sections: { blocks: unknown[] }[] };
    doc.sections[0]!.blocks.push(
      { type: 'table', header: ['Cookie', 'Bewaartermijn'], rows: [['VISITOR_INFO1_LIVE', '6 maanden']] },
      {
        type: 'table',
        caption: 'Bewaartermijnen',
        header: ['Gegeven', 'Termijn'],
        rows: [['Naam', '2 jaar']],
      },
    );
    const { el } = await mountStatement((s) => (s.document = doc as typeof nl));
    const regions = shadowAll(el, '.table-scroll');
    expect(
      regions.map((r) => [r.getAttribute('role'), r.getAttribute('tabindex'), r.getAttribute('aria-label')]),
    ).to.deep.equal([
      ['region', '0', 'Cookie, Bewaartermijn'],
      ['region', '0', 'Bewaartermijnen'],
    ]);
  });

  for (const [name, config, rows] of [
    ['no services', { ...kopgroepConfig, services: {} }, 1],
    ['twelve services', twelveServicesConfig(), 13],
  ] as const) {
    it(`lists the consent cookie and every service with ${name}, accessibly`, async () => {
      useKit(config);
      const table = await fixture<PrivacyCookieTable>(
        html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`,
      );
      expect(shadowAll(table, 'tbody tr')).to.have.length(rows);
      await expect(table).to.be.accessible();
    });
  }

  it('renders config strings as text', async () => {
    useKit({
      ...kopgroepConfig,
      services: {
        evil: {
          category: 'analytics',
          label: '<img src=x onerror=alert(1)>',
          provider: '<b>x</b>',
          cookies: ['<i>'],
        },
      },
    });
    const table = await fixture<PrivacyCookieTable>(html`<privacy-cookie-table></privacy-cookie-table>`);
    expect(shadowAll(table, 'img, b, i')).to.have.length(0);
    expect(squash(shadowOne(table, 'tr[data-service="evil"] th').textContent)).to.equal(
      '<img src=x onerror=alert(1)>',
    );
  });
});
