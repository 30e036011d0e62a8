import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/privacy-statement/index.js';
import type {
  PrivacyConsentId,
  PrivacyCookieTable,
  PrivacyStatement,
} from '../../src/elements/privacy-statement/index.js';
import {
  AXE_TEST_TIMEOUT_MS,
  cleanUp,
  shadowAll,
  shadowOne,
  squash,
  useKit,
  type SuiteContext,
} from './helpers.js';

function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The statement as a CMS editor pastes it: ordinary HTML, live blocks where the text needs them. */
function editorPage() {
  return html`<privacy-statement revision="2018-06-18" updated="2018-06-18" lang="nl">
    <h1 slot="title">Privacyverklaring</h1>
    <h2>Hoe gaan wij om met uw privacy?</h2>
    <p>Voor Stichting KopGroep Bibliotheken is de bescherming van uw persoonsgegevens belangrijk.</p>
    <h2 id="cookies">Website</h2>
    <p>Op onze website wordt gebruikgemaakt van cookies.</p>
    <privacy-cookie-table></privacy-cookie-table>
    <section>
      <h2>Vragen en recht op inzage en correctie</h2>
      <privacy-consent-id email="privacy@kopgroepbibliotheken.nl"></privacy-consent-id>
    </section>
    <h2>Hoe gaan wij om met uw privacy?</h2>
  </privacy-statement>`;
}

describe('<privacy-statement> in plain-HTML mode', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(() => {
    cleanUp();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('keeps the editor’s content in the light DOM and shows it through a slot', async () => {
    const el = await fixture<PrivacyStatement>(editorPage());
    expect(el.querySelectorAll('h2')).to.have.length(4);
    expect(el.querySelector('p')?.textContent).to.contain('KopGroep');
    const slot = shadowOne<HTMLSlotElement>(el, 'slot:not([name])');
    expect(slot.assignedElements()).to.include(el.querySelector('h2'));
    expect(shadowAll(el, 'h2')).to.have.length(0);
    expect(el.statement).to.equal(undefined);
  });

  it('adds the "last changed" line and a table of contents from the h2s, giving them unique ids', async () => {
    const el = await fixture<PrivacyStatement>(editorPage());
    expect(squash(shadowOne(el, '[part="updated"]').textContent)).to.equal(
      'Laatst gewijzigd op 18 juni 2018 (versie 2018-06-18)',
    );
    const ids = [...el.querySelectorAll('h2')].map((h) => h.id);
    expect(ids).to.deep.equal([
      'hoe-gaan-wij-om-met-uw-privacy',
      'cookies',
      'vragen-en-recht-op-inzage-en-correctie',
      'hoe-gaan-wij-om-met-uw-privacy-2',
    ]);
    const links = shadowAll<HTMLAnchorElement>(el, 'nav[part="toc"] a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(ids.map((id) => `#${id}`));
    expect(links.map((a) => a.textContent)).to.deep.equal([
      'Hoe gaan wij om met uw privacy?',
      'Website',
      'Vragen en recht op inzage en correctie',
      'Hoe gaan wij om met uw privacy?',
    ]);
    await expect(el).to.be.accessible();
  });

  it('follows a TOC link to the heading in the page', async () => {
    const el = await fixture<PrivacyStatement>(editorPage());
    shadowOne<HTMLAnchorElement>(el, 'nav a[href="#cookies"]').click();
    expect(location.hash).to.equal('#cookies');
    expect(document.querySelector(':target')).to.equal(el.querySelector('#cookies'));
  });

  it('rebuilds the table of contents when the editor’s content changes', async () => {
    const el = await fixture<PrivacyStatement>(editorPage());
    const h2 = document.createElement('h2');
    h2.textContent = 'Nieuwsbrief';
    el.querySelector('section')!.append(h2);
    await Promise.resolve();
    await el.updateComplete;
    expect(shadowAll(el, 'nav a').map((a) => a.textContent)).to.include('Nieuwsbrief');
    expect(h2.id).to.equal('nieuwsbrief');
  });

  it('runs the live blocks the editor placed, reflecting consent changes', async () => {
    const kit = useKit();
    const el = await fixture<PrivacyStatement>(editorPage());
    const table = el.querySelector<PrivacyCookieTable>('privacy-cookie-table')!;
    const id = el.querySelector<PrivacyConsentId>('privacy-consent-id')!;
    await table.updateComplete;
    expect(
      squash(shadowOne(table, 'tr[data-service="google-analytics"] td:last-child').textContent),
    ).to.equal('Nog geen keuze');
    const state = kit.acceptAll();
    await table.updateComplete;
    await id.updateComplete;
    expect(
      squash(shadowOne(table, 'tr[data-service="google-analytics"] td:last-child').textContent),
    ).to.equal('Toegestaan');
    expect(decodeURIComponent(shadowOne<HTMLAnchorElement>(id, 'a').href)).to.contain(state.id);
    await expect(el).to.be.accessible();
  });

  it('lets a keyboard user Tab from the page into the table of contents', async () => {
    const el = await fixture<PrivacyStatement>(editorPage());
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(shadowOne(el, 'nav a'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('href')).to.equal('#cookies');
    before.remove();
  });

  it('leaves out, and warns once about, a date that is not a real day (not another day instead)', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      // 2018-06-31 would be formatted as "1 juli 2018", 2019-02-29 as "1 maart 2019".
      for (const updated of ['18 juni', '2018-06-31', '2019-02-29']) {
        const el = await fixture<PrivacyStatement>(
          html`<privacy-statement lang="nl" updated=${updated}><h2>Een</h2></privacy-statement>`,
        );
        expect(shadowAll(el, '[part="updated"]'), updated).to.have.length(0);
        expect(shadowAll(el, 'nav a')).to.have.length(1);
        el.requestUpdate();
        await el.updateComplete;
      }
      expect(warnings).to.deep.equal(
        ['18 juni', '2018-06-31', '2019-02-29'].map(
          (d) => `privacy-statement: updated="${d}": expected a date written YYYY-MM-DD; it is left out`,
        ),
      );
      const withRevision = await fixture<PrivacyStatement>(
        html`<privacy-statement lang="nl" updated="2018-06-31" revision="r2"
          ><h2>Een</h2></privacy-statement
        >`,
      );
      expect(squash(shadowOne(withRevision, '[part="updated"]').textContent)).to.equal('(versie r2)');
    } finally {
      console.warn = warn;
    }
  });
});
