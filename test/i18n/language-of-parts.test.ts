/**
 * WCAG 3.1.2 (language of parts): every text an element renders is marked with the language it
 * is written in, also when that is not the page's (a page in a language we have no strings for).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/privacy-banner/index.js';
import '../../src/elements/privacy-preferences/index.js';
import '../../src/elements/privacy-settings-button/index.js';
import '../../src/elements/privacy-gate/index.js';
import '../../src/elements/privacy-cookie-table/index.js';
import '../../src/elements/privacy-consent-id/index.js';
import '../../src/elements/privacy-statement/index.js';
import '../../src/elements/privacy-newsletter/index.js';
import type { PrivacyPreferences } from '../../src/elements/privacy-preferences/index.js';
import nl from '../../statements/kopgroep.nl.json';
import { cleanUp, sampleConfig, useKit } from '../elements/helpers.js';
import { jsonUrl, mountStatement } from '../statement/helpers.js';
import { waitUntil } from '../wait.js';

/** Each text in `host`'s shadow tree (nested ones too) with the language it is marked with. */
function markedTexts(host: Element): { text: string; lang: string; host: string }[] {
  const found: { text: string; lang: string; host: string }[] = [];
  const walk = (node: Node, host: Element): void => {
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot, node);
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) {
      // Within a shadow tree `closest` stops at the root: unmarked text falls back to the host's.
      const marked = node.parentElement?.closest('[lang]')?.getAttribute('lang');
      found.push({
        text: node.textContent.trim(),
        lang: marked ?? `unmarked (<${host.localName}>)`,
        host: host.localName,
      });
    }
    for (const child of node.childNodes) walk(child, host);
  };
  if (host.shadowRoot) walk(host.shadowRoot, host);
  return found;
}

async function settle(el: Element): Promise<void> {
  await (el as Element & { updateComplete: Promise<unknown> }).updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const ELEMENTS = [
  'privacy-banner',
  'privacy-settings-button',
  'privacy-gate service="youtube"',
  'privacy-cookie-table',
  'privacy-consent-id',
  'privacy-newsletter',
];

describe('language of parts', function (this: { timeout(ms: number): void }) {
  this.timeout(20_000);
  let added: Element | undefined;
  // A page in a language privacy-kit has no strings for; cleanUp() makes it English again.
  beforeEach(() => document.documentElement.setAttribute('lang', 'ja'));
  afterEach(() => {
    cleanUp();
    added?.remove();
  });

  for (const tag of ELEMENTS) {
    const name = tag.split(' ')[0] as string;
    it(`<${name}> in a Japanese page marks its Dutch text nl, and en once the page is English`, async () => {
      useKit(sampleConfig);
      const page = await fixture<HTMLElement>(`<div lang="ja"><${tag}></${name}></div>`);
      const el = page.firstElementChild as Element;
      await settle(el);
      const texts = markedTexts(el);
      expect(texts.length, 'renders text').to.be.greaterThan(0);
      for (const { text, lang } of texts) expect(lang, text).to.equal('nl');
      page.setAttribute('lang', 'en-GB');
      document.documentElement.setAttribute('lang', 'en');
      await waitUntil(() => markedTexts(el).every((t) => t.lang === 'en'), 'marked en after the switch');
    });
  }

  it('<privacy-preferences> marks its dialog with the language of its strings', async () => {
    useKit(sampleConfig);
    const page = await fixture<HTMLElement>(
      html`<div lang="ja"><privacy-preferences></privacy-preferences></div>`,
    );
    const el = page.firstElementChild as PrivacyPreferences;
    el.show();
    await settle(el);
    const texts = markedTexts(el);
    expect(texts.map((t) => t.text)).to.include('Statistieken');
    for (const { text, lang } of texts) expect(lang, text).to.equal('nl');
  });

  it('<privacy-statement> marks the document with its language and its own words with theirs', async () => {
    useKit(sampleConfig);
    const page = document.createElement('div');
    document.body.append(page);
    added = page;
    // The page asks for English words around the Dutch statement (the only one it has).
    const { el } = await mountStatement((s) => {
      s.setAttribute('lang', 'en');
      s.src = jsonUrl(nl);
    }, page);
    const texts = markedTexts(el);
    const langOf = (text: string) => texts.find((t) => t.text.startsWith(text))?.lang;
    expect(langOf('Contents')).to.equal('en');
    expect(langOf('Last changed on')).to.equal('en');
    expect(langOf('What has changed?')).to.equal('en');
    expect(langOf('Email')).to.equal('en');
    expect(langOf('Phone')).to.equal('en');
    expect(langOf(nl.sections[0]!.heading)).to.equal('nl');
    const unmarked = texts.filter((t) => t.lang !== 'en' && t.lang !== 'nl');
    expect(unmarked, JSON.stringify(unmarked)).to.deep.equal([]);
    // Only the element's words: the statement's own text stays Dutch. (The cookie table and the
    // consent id inside it are the element's words too, in English here: counted apart.)
    const own = texts.filter((t) => t.host === 'privacy-statement');
    const english = new Set(own.filter((t) => t.lang === 'en').map((t) => t.text));
    expect(english.size).to.be.lessThan(own.length / 4);
  });
});
