// The statement renders in a shadow root, and its section ids may also be ids of the page around
// it (the shipped statement's `nieuwsbrief` is also the README's id for the newsletter form).
import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import '../../src/elements/privacy-newsletter/index.js';
import nl from '../../statements/kopgroep.nl.json';
import { cleanUp, minimalStatement, mountStatement, shadowOne, useKit } from './helpers.js';

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** A focusable block of the page with `id`. */
function pageBlock(id: string): HTMLElement {
  const block = Object.assign(document.createElement('div'), { id, tabIndex: -1 });
  block.textContent = 'the page: ' + id;
  return document.body.appendChild(block);
}

describe('<privacy-statement> among the page ids', () => {
  const blocks: Element[] = [];
  afterEach(() => {
    cleanUp();
    blocks.splice(0).forEach((b) => b.remove());
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('its newsletter link leads to the form on the page, not to its own section of the same id', async () => {
    useKit();
    const form = Object.assign(document.createElement('privacy-newsletter'), { id: 'nieuwsbrief' });
    form.setAttribute('endpoint', '/nowhere');
    blocks.push(document.body.appendChild(form));
    const { el } = await mountStatement((s) => (s.document = nl));
    el.requestUpdate();
    await el.updateComplete;
    const link = shadowOne<HTMLAnchorElement>(el, '[part="newsletter-link"]');
    expect(link.getAttribute('href')).to.equal('#nieuwsbrief');
    link.click();
    expect(location.hash).to.equal('#nieuwsbrief');
    expect(deepActive() === el.shadowRoot!.getElementById('nieuwsbrief')).to.equal(false);
  });

  it("a page link to the page's own #id goes there, also when a section has that id", async () => {
    useKit();
    blocks.push(pageBlock('website'));
    const { el } = await mountStatement((s) => (s.document = nl));
    const link = Object.assign(document.createElement('a'), { href: '#website', textContent: 'go' });
    blocks.push(document.body.appendChild(link));
    const changed = new Promise((r) => addEventListener('hashchange', r, { once: true }));
    link.click();
    await changed;
    expect(deepActive() === el.shadowRoot!.getElementById('website')).to.equal(false);
    // Its own table of contents still leads to its own section.
    shadowOne<HTMLAnchorElement>(el, '[part="toc-link"][href="#website"]').click();
    expect(deepActive() === el.shadowRoot!.getElementById('website')).to.equal(true);
  });

  it('a section may be called "toc-label": its contents link leads to it, not to the contents label', async () => {
    const doc = minimalStatement({
      sections: [
        { id: 'een', heading: 'Een', blocks: [{ type: 'paragraph', text: 'x' }] },
        { id: 'toc-label', heading: 'Inhoud van de collectie', blocks: [{ type: 'paragraph', text: 'y' }] },
      ],
    });
    const { el } = await mountStatement((s) => (s.document = doc));
    shadowOne<HTMLAnchorElement>(el, '[part="toc-link"][href="#toc-label"]').click();
    const focused = deepActive();
    expect(focused?.localName).to.equal('h2');
    expect(focused?.textContent).to.contain('Inhoud van de collectie');
  });
});
