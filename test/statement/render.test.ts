import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/privacy-statement/index.js';
import nl from '../../statements/kopgroep.nl.json';
import en from '../../statements/kopgroep.en.json';
import {
  AXE_TEST_TIMEOUT_MS,
  cleanUp,
  jsonUrl,
  mountStatement,
  shadowAll,
  shadowOne,
  squash,
  useKit,
  visibleText,
  type SuiteContext,
} from './helpers.js';
import { SEED_CONTACT, SEED_HEADINGS, SEED_LINES, SEED_SUBHEADINGS } from './seed.js';

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Headings in reading order, as `h2 text`. */
function headingOutline(root: ParentNode): string[] {
  return [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
    (h) => `${h.localName} ${squash(h.textContent)}`,
  );
}

describe('<privacy-statement> with the Dutch KopGroep statement', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('renders every line of the published statement, word for word', async () => {
    useKit();
    const { el, event } = await mountStatement((s) => (s.src = jsonUrl(nl)));
    expect(event.type).to.equal('privacy-statement-load');
    const text = visibleText(el);
    for (const line of SEED_LINES) expect(text).to.contain(line.replace(/^• /, ''));
  });

  it('renders the sections as h2 with ids and the sub-sections as h3, no levels skipped', async () => {
    const { el } = await mountStatement((s) => (s.document = nl));
    const outline = headingOutline(el.shadowRoot!);
    expect(outline[0]).to.equal('h1 Privacyverklaring');
    const h2 = outline.filter((h) => h.startsWith('h2 ')).map((h) => h.slice(3));
    expect(h2).to.deep.equal([...SEED_HEADINGS, 'Wat is er veranderd?']);
    const h3 = outline.filter((h) => h.startsWith('h3 ')).map((h) => h.slice(3));
    expect(h3).to.deep.equal(SEED_SUBHEADINGS);
    let previous = 1;
    for (const h of outline) {
      const level = Number(h[1]);
      expect(level - previous, `skipped a level at "${h}"`).to.be.at.most(1);
      previous = level;
    }
    for (const h of shadowAll(el, 'h2, h3')) expect(h.id).to.match(/^[a-z][a-z0-9-]*$/);
    expect(shadowOne(el, 'h2#changes').textContent).to.contain('Wat is er veranderd?');
  });

  it('starts at another level with heading-level', async () => {
    const { el } = await mountStatement((s) => {
      s.setAttribute('heading-level', '3');
      s.document = nl;
    });
    expect(shadowAll(el, 'h1, h2')).to.have.length(1);
    expect(shadowOne(el, 'h2').textContent).to.equal('Privacyverklaring');
    expect(shadowAll(el, 'h3')).to.have.length(SEED_HEADINGS.length + 1);
    expect(shadowAll(el, 'h4').map((h) => h.textContent)).to.deep.equal([...SEED_SUBHEADINGS]);
  });

  it('with heading-level="1" puts sections at h1 and keeps the title out of the outline', async () => {
    const { el } = await mountStatement((s) => {
      s.setAttribute('heading-level', '1');
      s.document = nl;
    });
    expect(squash(shadowOne(el, '[part="title"]').textContent)).to.equal('Privacyverklaring');
    expect(shadowOne(el, '[part="title"]').localName).to.equal('p');
    expect(shadowAll(el, 'h1')).to.have.length(SEED_HEADINGS.length + 1);
    expect(shadowAll(el, 'h2').map((h) => h.textContent)).to.deep.equal([...SEED_SUBHEADINGS]);
  });

  it('shows the contact details exactly as the statement gives them', async () => {
    const { el } = await mountStatement((s) => (s.document = nl));
    const address = shadowOne(el, 'address');
    const lines = [...address.querySelectorAll('.line')].map((l) => squash(l.textContent));
    for (const line of SEED_CONTACT)
      expect(
        lines.some((l) => l.includes(line)),
        line,
      ).to.equal(true);
    expect(address.querySelector('a[href="mailto:privacy@kopgroepbibliotheken.nl"]')).to.exist;
    expect(address.querySelector('a[href="tel:0223623859"]')?.textContent).to.equal('0223-623859');
  });

  it('says when it was last changed, in Dutch, at the top and where the text promises ("onderaan")', async () => {
    const { el } = await mountStatement((s) => (s.document = nl));
    expect(squash(shadowOne(el, '[part="updated"]').textContent)).to.equal(
      'Laatst gewijzigd op 18 juni 2018',
    );
    expect(shadowOne(el, '[part="updated"] time').getAttribute('datetime')).to.equal('2018-06-18');
    expect(squash(shadowOne(el, '[part="footer"]').textContent)).to.equal(SEED_LINES[SEED_LINES.length - 1]);
  });

  it('has a table of contents linking every section and sub-section', async () => {
    const { el } = await mountStatement((s) => (s.document = nl));
    const links = shadowAll<HTMLAnchorElement>(el, 'nav[part="toc"] a');
    expect(links.map((a) => a.textContent)).to.deep.equal([
      ...SEED_HEADINGS.slice(0, 4),
      ...SEED_SUBHEADINGS,
      ...SEED_HEADINGS.slice(4),
      'Wat is er veranderd?',
    ]);
    for (const a of links)
      expect(el.shadowRoot!.getElementById(a.getAttribute('href')!.slice(1)), a.href).to.exist;
    expect(shadowOne(el, 'nav').getAttribute('aria-labelledby')).to.equal('toc_label');
  });

  it('moves focus to a section when its TOC link is followed, and keeps the URL shareable', async () => {
    const { el } = await mountStatement((s) => (s.document = nl));
    shadowOne<HTMLAnchorElement>(el, 'nav a[href="#website"]').click();
    expect(deepActive()).to.equal(el.shadowRoot!.getElementById('website'));
    expect(location.hash).to.equal('#website');
  });

  it('opens at the section named in the URL (the banner links to #changes)', async () => {
    useKit(); // the live cookie table above #changes renders after the statement itself
    history.replaceState(null, '', '#changes');
    const spacer = document.createElement('div');
    spacer.style.height = '200vh';
    const { el } = await mountStatement((s) => {
      s.document = nl;
      queueMicrotask(() => s.after(spacer));
    });
    const changes = el.shadowRoot!.getElementById('changes')!;
    const top = changes.getBoundingClientRect().top;
    expect(top).to.be.within(-2, 40);
    expect(squash(changes.parentElement?.textContent)).to.contain('Privacyverklaring vastgesteld.');
  });

  it('lets a keyboard user Tab to the TOC links and the change-choices button', async () => {
    const kit = useKit();
    let opener: Element | null | undefined;
    kit.on('show-preferences', (d) => (opener = d.opener));
    const { el } = await mountStatement((s) => (s.document = nl));
    const first = shadowOne<HTMLAnchorElement>(el, 'nav a');
    const button = shadowOne<HTMLButtonElement>(el, 'button[part="change-choices"]');
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(first);
    for (let i = 0; i < 60 && deepActive() !== button; i++) await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(button);
    await sendKeys({ press: 'Enter' });
    expect(opener).to.equal(button);
  });

  it('is accessible (axe) with a consent store', async () => {
    useKit();
    const { el } = await mountStatement((s) => (s.document = nl));
    await expect(el).to.be.accessible();
  });

  it('is accessible (axe) on a page without consent settings', async () => {
    const { el } = await mountStatement((s) => (s.document = nl));
    await expect(el).to.be.accessible();
  });
});

describe('<privacy-statement> with the English translation', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
  });

  it('renders in English, says it is a translation, and formats the date in English', async () => {
    useKit();
    const { el } = await mountStatement((s) => (s.src = jsonUrl(en)));
    expect(el.getAttribute('lang')).to.equal('en');
    expect(shadowOne(el, 'h1').textContent).to.equal('Privacy statement');
    expect(shadowAll(el, 'h2').map((h) => h.textContent)).to.deep.equal([
      ...en.sections.map((s) => s.heading),
      'What has changed?',
    ]);
    expect(squash(shadowOne(el, '[part="updated"]').textContent)).to.equal('Last changed on 18 June 2018');
    expect(squash(shadowOne(el, '[part="translation-note"]').textContent)).to.contain(
      'original statement in Dutch (revision 18 June 2018)',
    );
    expect(squash(shadowOne(el, 'button[part="change-choices"]').textContent)).to.equal(
      'Change cookie settings',
    );
    await expect(el).to.be.accessible();
  });

  it('speaks Dutch on a page marked nl-BE (plain-HTML mode follows the page)', async () => {
    document.documentElement.setAttribute('lang', 'nl-BE');
    const el = document.createElement('privacy-statement');
    el.setAttribute('updated', '2018-06-18');
    el.innerHTML = '<h2>Een</h2>';
    document.body.append(el);
    // The TOC follows the slot's first slotchange, one update after the first render.
    await waitUntil(() => el.shadowRoot?.querySelector('[part="toc-label"]'), 'no table of contents');
    expect(squash(shadowOne(el, '[part="updated"]').textContent)).to.equal(
      'Laatst gewijzigd op 18 juni 2018',
    );
    expect(squash(shadowOne(el, '[part="toc-label"]').textContent)).to.equal('Inhoud');
  });

  it('keeps a lang the page set on the element for its own strings', async () => {
    const { el } = await mountStatement((s) => {
      s.setAttribute('lang', 'en');
      s.document = nl;
    });
    expect(el.getAttribute('lang')).to.equal('en');
    expect(shadowOne(el, 'article').getAttribute('lang')).to.equal('nl');
    expect(squash(shadowOne(el, '[part="toc-label"]').textContent)).to.equal('Contents');
  });
});
