/**
 * WCAG 3.1.2 (language of parts): when the page sets another language on `<privacy-statement>`
 * than the document's, every one of the element's own words is marked with its language, so a
 * screen reader does not read "What has changed?" with Dutch pronunciation.
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import nl from '../../statements/kopgroep.nl.json';
import en from '../../statements/kopgroep.en.json';
import { cleanUp, mountStatement, shadowAll, shadowOne, squash, type SuiteContext } from './helpers.js';

/** The language a node is read in inside the shadow root: its closest `lang`. */
function langOf(node: Element): string | null | undefined {
  return node.closest('[lang]')?.getAttribute('lang');
}

describe('<privacy-statement> marks its own words in a document of another language', function (this: SuiteContext) {
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
  });

  it('marks the dates, the change history, the TOC entry for it and the contact labels (English around Dutch)', async () => {
    const { el } = await mountStatement((s) => {
      s.setAttribute('lang', 'en');
      s.document = nl;
    });
    expect(langOf(shadowOne(el, 'article'))).to.equal('nl');
    const marked = (node: Element) => ({ text: squash(node.textContent), lang: langOf(node) });

    expect(marked(shadowOne(el, '[part="updated"]'))).to.deep.equal({
      text: 'Last changed on 18 June 2018',
      lang: 'en',
    });
    expect(marked(shadowOne(el, '[part="footer"] p'))).to.deep.equal({
      text: 'This privacy statement was last updated on 18 June 2018.',
      lang: 'en',
    });
    expect(marked(shadowOne(el, '#changes span'))).to.deep.equal({
      text: 'What has changed?',
      lang: 'en',
    });
    const entry = shadowOne(el, '[part="changes"] li');
    expect(marked(entry.querySelector('span') ?? entry)).to.deep.equal({
      text: '18 June 2018 (revision 2018-06-18):',
      lang: 'en',
    });
    // The summary is the document's text, in its language.
    expect(langOf(entry)).to.equal('nl');
    expect(marked(shadowOne(el, 'nav a[href="#changes"]'))).to.deep.equal({
      text: 'What has changed?',
      lang: 'en',
    });
    // The other TOC entries are the document's headings: Dutch.
    expect(langOf(shadowOne(el, 'nav a[href="#website"]'))).to.equal('nl');

    const address = shadowOne(el, 'address');
    const labels = [...address.querySelectorAll('.line > span')].map(marked);
    expect(labels).to.deep.equal([
      { text: 'Phone:', lang: 'en' },
      { text: 'Email:', lang: 'en' },
    ]);
    expect(langOf(address.querySelector('.organisation') ?? address)).to.equal('nl');
  });

  it('marks the translation note (Dutch around an English translation)', async () => {
    const { el } = await mountStatement((s) => {
      s.setAttribute('lang', 'nl');
      s.document = en;
    });
    expect(langOf(shadowOne(el, 'article'))).to.equal('en');
    const note = shadowOne(el, '[part="translation-note"]');
    expect(langOf(note)).to.equal('nl');
    expect(squash(note.textContent)).to.contain('Dit is een vertaling');
    expect(shadowAll(el, '[part="toc-label"]').map(langOf)).to.deep.equal(['nl']);
  });
});
