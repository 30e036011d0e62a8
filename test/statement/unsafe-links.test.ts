/**
 * Link targets that reach `<privacy-statement>` from outside the text runs: the contact block's
 * website, the newsletter block's href and the `newsletter-href` attribute. Only http(s), mailto
 * and relative URLs become links; the renderer checks again, as a document may skip validation.
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import type { StatementLoadDetail } from '../../src/elements/privacy-statement/index.js';
import { cleanUp, minimalStatement, mountStatement, shadowAll, type SuiteContext } from './helpers.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

/** A minimal valid document with `blocks` in its one section. */
function docWith(blocks: unknown[]): unknown {
  return minimalStatement({ sections: [{ id: 'contact', heading: 'Contact', blocks }] });
}

/** Runs `body` with console.warn collected, restoring it afterwards. */
async function collectingWarnings(body: (warnings: string[]) => Promise<void>): Promise<void> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  try {
    await body(warnings);
  } finally {
    console.warn = warn;
  }
}

const UNSAFE = ['javascript:window.__pwned=1', ' JaVa\tScRiPt:window.__pwned=1', 'data:text/html,x'];

describe('<privacy-statement> with unsafe link targets outside the text', function (this: SuiteContext) {
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
    delete window.__pwned;
  });

  it("leaves out a contact block's website with a javascript: or data: URL, keeps the rest, and warns", async () => {
    await collectingWarnings(async (warnings) => {
      for (const url of UNSAFE) {
        warnings.length = 0;
        const { el, event } = await mountStatement(
          (s) =>
            (s.document = docWith([
              { type: 'contact', organisation: 'Stichting X', email: 'privacy@example.org', url },
            ])),
        );
        expect(event.type, url).to.equal('privacy-statement-load');
        expect((event.detail as StatementLoadDetail).warnings.map((w) => w.path)).to.deep.equal([
          'sections[0].blocks[0].url',
        ]);
        expect(warnings).to.have.length(1);
        const hrefs = shadowAll<HTMLAnchorElement>(el, 'address a').map((a) => a.getAttribute('href'));
        expect(hrefs, url).to.deep.equal(['mailto:privacy@example.org']);
        el.remove();
      }
    });
  });

  it("links a contact block's https website", async () => {
    const { el } = await mountStatement(
      (s) =>
        (s.document = docWith([
          { type: 'contact', organisation: 'Stichting X', url: 'https://example.org/' },
        ])),
    );
    const links = shadowAll<HTMLAnchorElement>(el, 'address a');
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).to.deep.equal([
      ['https://example.org/', 'https://example.org/'],
    ]);
  });

  it('gives the newsletter block no javascript: link, from the document or from newsletter-href', async () => {
    await collectingWarnings(async () => {
      for (const href of UNSAFE) {
        const fromDocument = await mountStatement(
          (s) => (s.document = docWith([{ type: 'live', block: 'newsletter', href }])),
        );
        expect(shadowAll(fromDocument.el, 'section a'), href).to.have.length(0);
        fromDocument.el.remove();

        const fromAttribute = await mountStatement((s) => {
          s.setAttribute('newsletter-href', href);
          s.document = docWith([{ type: 'live', block: 'newsletter' }]);
        });
        expect(shadowAll(fromAttribute.el, 'section a'), href).to.have.length(0);
        fromAttribute.el.remove();
      }
    });
    expect(window.__pwned).to.equal(undefined);
  });

  it("falls back to the document's newsletter link when newsletter-href is unsafe", async () => {
    const { el } = await mountStatement((s) => {
      s.setAttribute('newsletter-href', 'javascript:window.__pwned=1');
      s.document = docWith([{ type: 'live', block: 'newsletter', href: '/nieuwsbrief' }]);
    });
    const links = shadowAll<HTMLAnchorElement>(el, 'a[part="newsletter-link"]');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['/nieuwsbrief']);
  });
});
