import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/privacy-statement/index.js';
import type { PrivacyStatement } from '../../src/elements/privacy-statement/index.js';
import nl from '../../statements/kopgroep.nl.json';
import {
  AXE_TEST_TIMEOUT_MS,
  cleanUp,
  mountStatement,
  shadowOne,
  squash,
  useKit,
  type SuiteContext,
} from './helpers.js';

describe('<privacy-statement> look and print', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(async () => {
    cleanUp();
    document.body.replaceChildren();
    await emulateMedia({ media: 'screen' });
  });

  it('inherits the page’s typography', async () => {
    const wrapper = document.createElement('div');
    wrapper.style.fontFamily = 'Georgia, serif';
    wrapper.style.color = 'rgb(20, 30, 40)';
    document.body.append(wrapper);
    const { el } = await mountStatement((s) => (s.document = nl), wrapper);
    const p = shadowOne(el, 'section p');
    expect(getComputedStyle(p).fontFamily).to.equal('Georgia, serif');
    expect(getComputedStyle(p).color).to.equal('rgb(20, 30, 40)');
  });

  it('is accessible in a dark theme set through --privacy-* properties', async () => {
    useKit();
    const wrapper = document.createElement('div');
    wrapper.setAttribute(
      'style',
      'background:#16171b;color:#eceef4;--privacy-color-link:#9ec5ff;--privacy-color-border:#9a9cab;' +
        '--privacy-color-surface:#23252c;--privacy-color-accent:#9ec5ff;--privacy-color-accent-text:#0d1b2e',
    );
    document.body.append(wrapper);
    const { el } = await mountStatement((s) => (s.document = nl), wrapper);
    const button = shadowOne(el, 'button[part="change-choices"]');
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(158, 197, 255)');
    await expect(el).to.be.accessible();
  });

  it('draws the focus ring of "change cookie settings" in the accent colour, not its own white text colour', async () => {
    useKit();
    const { el } = await mountStatement((s) => (s.document = nl));
    const button = shadowOne(el, 'button[part="change-choices"]');
    button.focus();
    await sendKeys({ press: 'Shift' }); // a keyboard interaction: the ring is :focus-visible
    expect(button.matches(':focus-visible')).to.equal(true);
    const style = getComputedStyle(button);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineColor).to.equal('rgb(10, 85, 166)');
    expect(style.outlineColor).to.not.equal(style.color);
  });

  it('gives "change cookie settings" the weight of the banner\'s buttons', async () => {
    useKit();
    const { el } = await mountStatement((s) => (s.document = nl));
    expect(getComputedStyle(shadowOne(el, 'button[part="change-choices"]')).fontWeight).to.equal('600');
  });

  it('prints without buttons or TOC and writes link URLs out', async () => {
    useKit();
    const { el } = await mountStatement((s) => (s.document = nl));
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(shadowOne(el, 'button[part="change-choices"]')).display).to.equal('none');
    expect(getComputedStyle(shadowOne(el, 'nav[part="toc"]')).display).to.equal('none');
    const link = shadowOne(el, 'a[href="https://www.onlinebibliotheek.nl"]');
    expect(getComputedStyle(link, '::after').content).to.equal('" (https://www.onlinebibliotheek.nl)"');
  });
});

describe('<privacy-statement> with an inline document', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  it('reads the document from an inline JSON script child', async () => {
    const el = await fixture<PrivacyStatement>(
      html`<privacy-statement>
        <script type="application/json">
          ${JSON.stringify(nl)}
        </script>
      </privacy-statement>`,
    );
    await el.updateComplete;
    expect(el.statement?.revision).to.equal('2018-06-18');
    expect(squash(shadowOne(el, 'h1').textContent)).to.equal('Privacyverklaring');
    // The JSON stays in the light DOM but nothing slots it: it is never shown as text.
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
  });
  it('reflows at 320 CSS px (400 % zoom): long Dutch words and addresses wrap, nothing scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      // A site with large type (the demo's): "…onderzoeksdoeleinden" in a heading,
      // privacy@kopgroepbibliotheken.nl in a link.
      const wrapper = document.createElement('div');
      wrapper.style.fontSize = '20px';
      document.body.append(wrapper);
      const { el } = await mountStatement((s) => (s.document = nl), wrapper);
      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
      expect(el.scrollWidth, 'statement width').to.be.at.most(el.clientWidth);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
