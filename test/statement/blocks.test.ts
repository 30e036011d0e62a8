/** How `<privacy-statement>` renders each kind of block and run, and its heading levels at the edges. */
import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import nl from '../../statements/kopgroep.nl.json';
import {
  cleanUp,
  minimalStatement,
  mountStatement,
  shadowAll,
  shadowOne,
  squash,
  type SuiteContext,
} from './helpers.js';

/** A minimal valid document with `blocks` in a section that has one sub-section. */
function docWith(blocks: unknown[]): unknown {
  return minimalStatement({
    sections: [
      { id: 'een', heading: 'Een', blocks, subsections: [{ id: 'een-a', heading: 'Een A', blocks: [] }] },
    ],
  });
}

/** Headings in reading order, as `h2 text`. */
function outline(el: Element): string[] {
  return shadowAll(el, 'h1, h2, h3, h4, h5, h6').map((h) => `${h.localName} ${squash(h.textContent)}`);
}

describe('<privacy-statement> blocks and runs', function (this: SuiteContext) {
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
  });

  it('renders a numbered list as <ol> and a bulleted one as <ul>', async () => {
    const { el } = await mountStatement(
      (s) =>
        (s.document = docWith([
          { type: 'list', ordered: true, items: ['eerst', 'dan'] },
          { type: 'list', items: ['appels', 'peren'] },
          { type: 'list', ordered: false, items: ['los'] },
        ])),
    );
    const lists = shadowAll(el, 'section [part="list"]');
    expect(
      lists.map((l) => `${l.localName}: ${[...l.children].map((li) => li.textContent).join(', ')}`),
    ).to.deep.equal(['ol: eerst, dan', 'ul: appels, peren', 'ul: los']);
  });

  it('renders emphasis and strong runs as <em> and <strong>, as text', async () => {
    const { el } = await mountStatement(
      (s) =>
        (s.document = docWith([
          { type: 'paragraph', text: ['Dit is ', { em: 'belangrijk' }, ' en ', { strong: '<b>zeker</b>' }] },
        ])),
    );
    const p = shadowOne(el, 'section p');
    expect(squash(p.textContent)).to.equal('Dit is belangrijk en <b>zeker</b>');
    expect(p.querySelector('em')?.textContent).to.equal('belangrijk');
    expect(p.querySelector('strong')?.textContent).to.equal('<b>zeker</b>');
    expect(p.querySelector('b')).to.equal(null);
  });

  it('gives a table column headers and, without a caption, names its region after them', async () => {
    const { el } = await mountStatement(
      (s) =>
        (s.document = docWith([
          { type: 'table', header: ['Naam', [{ strong: 'Doel' }]], rows: [['_ga', 'Statistiek']] },
          {
            type: 'table',
            caption: 'Bewaartermijnen',
            header: ['Gegeven', 'Termijn'],
            rows: [['Naam', '2 jaar']],
          },
        ])),
    );
    const [first, second] = shadowAll(el, 'section .table-scroll');
    expect(first?.getAttribute('aria-label')).to.equal('Naam, Doel');
    expect(second?.getAttribute('aria-label')).to.equal('Bewaartermijnen');
    expect(squash(second?.querySelector('caption')?.textContent)).to.equal('Bewaartermijnen');
    // Header cells name their column for screen readers reading a data cell.
    const headers = shadowAll(el, 'section th');
    expect(headers.map((th) => [th.textContent, th.getAttribute('scope')])).to.deep.equal([
      ['Naam', 'col'],
      ['Doel', 'col'],
      ['Gegeven', 'col'],
      ['Termijn', 'col'],
    ]);
  });
});

describe('<privacy-statement> heading-level at the edges', function (this: SuiteContext) {
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
  });

  for (const level of ['6', '9']) {
    it(`keeps sub-sections one level below their section with heading-level="${level}" (h5, then h6)`, async () => {
      const { el } = await mountStatement((s) => {
        s.setAttribute('heading-level', level);
        s.document = docWith([{ type: 'paragraph', text: 'x' }]);
      });
      expect(outline(el)).to.deep.equal(['h4 Privacyverklaring', 'h5 Een', 'h6 Een A']);
    });
  }

  it('falls back to h2 sections for a heading-level that is no number', async () => {
    const { el } = await mountStatement((s) => {
      s.setAttribute('heading-level', 'twee');
      s.document = nl;
    });
    expect(shadowOne(el, '[part="title"]').localName).to.equal('h1');
    expect(shadowOne(el, '#website').localName).to.equal('h2');
  });
});

describe('<privacy-statement> table of contents clicks', function (this: SuiteContext) {
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('leaves a middle or modified click on a TOC link to the browser (a new tab), and follows a plain one', async () => {
    const { el } = await mountStatement((s) => (s.document = nl));
    const link = shadowOne<HTMLAnchorElement>(el, 'nav a[href="#website"]');
    const handled: boolean[] = [];
    // After the element's own handler: record whether it took the click, then keep the page here.
    const record = (e: Event) => {
      handled.push(e.defaultPrevented);
      e.preventDefault();
    };
    document.body.addEventListener('click', record);
    try {
      for (const init of [
        { button: 1 },
        { ctrlKey: true },
        { metaKey: true },
        { shiftKey: true },
        { altKey: true },
      ]) {
        link.dispatchEvent(
          new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ...init }),
        );
      }
      expect(handled).to.deep.equal([false, false, false, false, false]);
      expect(location.hash).to.equal('');
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      expect(handled[5]).to.equal(true);
      expect(location.hash).to.equal('#website');
    } finally {
      document.body.removeEventListener('click', record);
    }
  });
});
