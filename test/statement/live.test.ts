/** `<privacy-statement>`'s live blocks: the change-choices button, the newsletter link, inline references. */
import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import type { PrivacyCookieTable } from '../../src/elements/privacy-statement/index.js';
import nl from '../../statements/kopgroep.nl.json';
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
  useKitAfterRevisionChange,
  type SuiteContext,
  statuses,
} from './helpers.js';

describe('<privacy-statement> live blocks', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
  });

  it('opens the preferences from the change-choices button, with the button as opener', async () => {
    const kit = useKit();
    const openers: (Element | null | undefined)[] = [];
    kit.on('show-preferences', (d) => openers.push(d.opener));
    const { el } = await mountStatement((s) => (s.document = nl));
    const button = shadowOne<HTMLButtonElement>(el, 'button[part="change-choices"]');
    expect(squash(button.textContent)).to.equal('Cookie-instellingen wijzigen');
    button.click();
    expect(openers).to.deep.equal([button]);
  });

  it('leaves the button out when the page has no consent settings (a button that does nothing misleads)', async () => {
    const { el } = await mountStatement((s) => (s.document = nl));
    expect(shadowAll(el, 'button')).to.have.length(0);
  });

  it('links the newsletter block to newsletter-href, or to an in-page <privacy-newsletter>', async () => {
    const { el } = await mountStatement((s) => {
      s.setAttribute('newsletter-href', '/nieuwsbrief');
      s.document = nl;
    });
    const link = shadowOne<HTMLAnchorElement>(el, 'a[part="newsletter-link"]');
    expect(link.getAttribute('href')).to.equal('/nieuwsbrief');
    expect(link.closest('section')?.getAttribute('data-section')).to.equal('nieuwsbrief');
    el.remove();

    const target = document.createElement('privacy-newsletter');
    target.id = 'aanmelden';
    document.body.append(target);
    const { el: inPage } = await mountStatement((s) => (s.document = nl));
    expect(shadowOne(inPage, 'a[part="newsletter-link"]').getAttribute('href')).to.equal('#aanmelden');
  });

  it('fills live references inside a sentence: the consent id (live) and a change-choices button', async () => {
    const kit = useKit();
    const openers: (Element | null | undefined)[] = [];
    kit.on('show-preferences', (d) => openers.push(d.opener));
    const doc = {
      format: 'privacy-statement/1',
      revision: 'r1',
      updated: '2024-03-01',
      language: 'nl',
      title: 'Privacyverklaring',
      sections: [
        {
          id: 'inzage',
          heading: 'Inzage',
          blocks: [
            {
              type: 'paragraph',
              text: [
                'Uw toestemmingscode: ',
                { live: 'consent-id' },
                '. Wijzigen? ',
                { live: 'change-choices' },
              ],
            },
          ],
        },
      ],
    };
    const { el } = await mountStatement((s) => (s.document = doc));
    const p = shadowOne(el, 'section p');
    expect(squash(p.textContent)).to.equal(
      'Uw toestemmingscode: nog niet bekend (u hebt nog geen keuze over cookies gemaakt). Wijzigen? Cookie-instellingen wijzigen',
    );
    const state = kit.acceptAll();
    await el.updateComplete;
    expect(shadowOne(el, 'section p code[part="consent-id"]').textContent).to.equal(state.id);
    const button = shadowOne<HTMLButtonElement>(el, 'section p button[part="change-choices"]');
    button.click();
    expect(openers).to.deep.equal([button]);
    await expect(el).to.be.accessible();
  });

  it('inside a sentence, still shows the id of the last stored choice after the statement changed', async () => {
    const { kit, old } = useKitAfterRevisionChange();
    expect(kit.getConsent()).to.equal(null);
    const doc = structuredClone(nl) as { sections: { blocks: unknown[] }[] };
    doc.sections[0]?.blocks.push({ type: 'paragraph', text: ['Uw code: ', { live: 'consent-id' }] });
    const { el } = await mountStatement((s) => (s.document = doc));
    expect(shadowOne(el, 'code[part="consent-id"]').textContent).to.equal(old.id);
  });

  it('marks its own words with the language they are in, when the page asks for another than the document’s', async () => {
    useKit();
    const doc = structuredClone(nl) as { sections: { blocks: unknown[] }[] };
    doc.sections[0]?.blocks.push({
      type: 'paragraph',
      text: ['Uw toestemmingscode: ', { live: 'consent-id' }, '. ', { live: 'change-choices' }],
    });
    const { el } = await mountStatement((s) => {
      s.setAttribute('lang', 'en');
      s.setAttribute('newsletter-href', '/nieuwsbrief');
      s.document = doc;
    });
    const langOf = (node: Element) => node.closest('[lang]')?.getAttribute('lang');
    const marked = (node: Element) => ({ text: squash(node.textContent), lang: langOf(node) });
    expect(shadowOne(el, 'article').getAttribute('lang')).to.equal('nl');
    const buttons = shadowAll(el, 'button[part="change-choices"]');
    expect(buttons.map(marked)).to.deep.equal([
      { text: 'Change cookie settings', lang: 'en' },
      { text: 'Change cookie settings', lang: 'en' },
    ]);
    expect(marked(shadowOne(el, 'a[part="newsletter-link"]'))).to.deep.equal({
      text: 'Subscribe to or unsubscribe from the newsletter',
      lang: 'en',
    });
    const sentence = shadowOne(el, 'section p:last-of-type');
    expect(langOf(sentence)).to.equal('nl');
    expect(marked(sentence.querySelector('span') ?? sentence)).to.deep.equal({
      text: 'not known yet (you have not made a choice about cookies)',
      lang: 'en',
    });
    // The embedded cookie table and consent id are the element's words too: the same language.
    const table = shadowOne(el, 'privacy-cookie-table');
    expect(table.getAttribute('lang')).to.equal('en');
    expect(squash(shadowOne(table, 'caption').textContent)).to.equal('Services and cookies on this website');
    const id = shadowOne(el, 'privacy-consent-id');
    expect(id.getAttribute('lang')).to.equal('en');
    expect(squash(shadowOne(id, '[part="id"]').textContent)).to.equal(
      'You have not made a choice about cookies on this website yet.',
    );
  });

  for (const [name, config, rows] of [
    ['no services', { ...kopgroepConfig, services: {} }, 1],
    ['twelve services', twelveServicesConfig(), 13],
  ] as const) {
    it(`shows the whole statement with ${name} configured`, async () => {
      const kit = useKit(config);
      const { el, event } = await mountStatement((s) => (s.document = nl));
      expect(event.type).to.equal('privacy-statement-load');
      const table = shadowOne<PrivacyCookieTable>(el, 'privacy-cookie-table');
      expect(shadowAll(table, 'tbody tr')).to.have.length(rows);
      kit.acceptAll();
      await table.updateComplete;
      const statuses = shadowAll(table, 'tbody tr').map((r) => r.getAttribute('data-status'));
      expect(statuses.filter((s) => s === 'granted')).to.have.length(rows - 1);
    });
  }

  it('keeps working when the statement revision differs from the consent config revision', async () => {
    const kit = useKit({ ...kopgroepConfig, revision: '2025-01-01' });
    const { el, event } = await mountStatement((s) => (s.document = nl));
    expect(event.type).to.equal('privacy-statement-load');
    kit.acceptAll();
    const table = shadowOne<PrivacyCookieTable>(el, 'privacy-cookie-table');
    await table.updateComplete;
    expect(statuses(table)['google-analytics']).to.equal('Toegestaan');
  });
});
