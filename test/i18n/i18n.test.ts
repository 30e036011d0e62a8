import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { I18nController, resolveLanguage, translate } from '../../src/i18n/controller.js';
import { loadI18next, overridesToResources, resetI18nextForTests } from '../../src/i18n/i18n.js';
import { interpolate, lookup, normalizeLanguage, registerStrings } from '../../src/i18n/strings.js';
import { cleanUp, sampleConfig, useKit } from '../elements/helpers.js';

registerStrings('demo', {
  nl: {
    hello: 'Hallo {{name}}',
    onlyDutch: 'Alleen Nederlands',
    items_one: '{{count}} ding',
    items_other: '{{count}} dingen',
  },
  en: { hello: 'Hello {{name}}', items_one: '{{count}} thing', items_other: '{{count}} things' },
});

class DemoElement extends LitElement {
  readonly i18n = new I18nController(this, 'demo');
  override render() {
    return this.i18n.t('hello', { name: 'Ada' });
  }
}
customElements.define('demo-i18n', DemoElement);

describe('i18n', function (this: { timeout(ms: number): void }) {
  this.timeout(20_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'en'));
  afterEach(cleanUp);

  it('normalizes language tags: nl-BE → nl, EN_gb → en, junk → undefined', () => {
    expect(normalizeLanguage('nl-BE')).to.equal('nl');
    expect(normalizeLanguage('EN_gb')).to.equal('en');
    expect(normalizeLanguage('')).to.equal(undefined);
    expect(normalizeLanguage('<script>')).to.equal(undefined);
    expect(normalizeLanguage(null)).to.equal(undefined);
  });

  it('picks the element lang, then <html lang>, then the config language', async () => {
    useKit({ ...sampleConfig, language: 'en' });
    document.documentElement.setAttribute('lang', 'nl-BE');
    const el = await fixture<DemoElement>(html`<demo-i18n></demo-i18n>`);
    expect(el.shadowRoot?.textContent).to.equal('Hallo Ada');
    expect(resolveLanguage(el)).to.equal('nl');
    el.setAttribute('lang', 'en-US');
    await Promise.resolve();
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.equal('Hello Ada');
    document.documentElement.setAttribute('lang', 'ja');
    el.removeAttribute('lang');
    expect(resolveLanguage(el)).to.equal('en');
  });

  it('re-renders when an ancestor switches language, also one that gains a lang attribute later', async () => {
    useKit({ ...sampleConfig, language: 'en' });
    const page = await fixture<HTMLElement>(
      html`<section lang="en">
        <div><demo-i18n></demo-i18n></div>
      </section>`,
    );
    const el = page.querySelector('demo-i18n') as DemoElement;
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.equal('Hello Ada');
    page.setAttribute('lang', 'nl');
    await Promise.resolve(); // the MutationObserver's callback is a microtask
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.equal('Hallo Ada');
    (page.firstElementChild as HTMLElement).setAttribute('lang', 'en');
    await Promise.resolve();
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.equal('Hello Ada');
  });

  it('falls back per key: page language, config language, Dutch, English — never a key name', () => {
    useKit({ ...sampleConfig, language: 'en' });
    expect(translate('en', 'demo', 'onlyDutch')).to.equal('Alleen Nederlands');
    expect(translate('fr', 'demo', 'hello', { name: 'Zoë' })).to.equal('Hello Zoë');
  });

  it('chooses plural forms without i18next', () => {
    expect(lookup('en', 'demo', 'items', 1)).to.equal('{{count}} thing');
    expect(translate('nl', 'demo', 'items', { count: 3 })).to.equal('3 dingen');
    expect(translate('nl', 'demo', 'items', { count: 1 })).to.equal('1 ding');
  });

  it('fills variables as plain text, leaving unknown placeholders empty', () => {
    expect(interpolate('{{a}} and {{ b }} and {{c}}', { a: '<b>x</b>', b: 2 })).to.equal(
      '<b>x</b> and 2 and ',
    );
  });

  it('config overrides win, also for a language only the config knows', () => {
    useKit({
      ...sampleConfig,
      translations: { en: { 'demo.hello': 'Hi {{name}}' }, de: { 'demo.hello': 'Hallo {{name}}!' } },
    });
    expect(translate('en', 'demo', 'hello', { name: 'Ada' })).to.equal('Hi Ada');
    document.documentElement.setAttribute('lang', 'de');
    expect(resolveLanguage(document.body)).to.equal('de');
    expect(translate('de', 'demo', 'hello', { name: 'Ada' })).to.equal('Hallo Ada!');
    // German lacks this key: the config language (Dutch) answers.
    expect(translate('de', 'demo', 'onlyDutch')).to.equal('Alleen Nederlands');
  });

  it('turns flat overrides into i18next resources', () => {
    expect(
      overridesToResources({
        de: { 'banner.title': 'T', 'preferences.category.analytics.description': 'D', bad: 'x' },
      }),
    ).to.deep.equal({
      de: { banner: { title: 'T' }, preferences: { category: { analytics: { description: 'D' } } } },
    });
  });

  it('skips override keys that would reach Object.prototype (a config is data, maybe from a CMS)', () => {
    // JSON.parse makes `__proto__` an own key, as a fetched config would have it.
    const translations = JSON.parse(
      '{"en": {"banner.__proto__.polluted": "a", "constructor.prototype.polluted": "b",' +
        ' "banner.title": "T"}, "__proto__": {"banner.polluted": "c"}}',
    ) as Record<string, Record<string, string>>;
    try {
      expect(overridesToResources(translations)).to.deep.equal({ en: { banner: { title: 'T' } } });
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect((Object.prototype as Record<string, unknown>).banner).to.equal(undefined);
    } finally {
      for (const key of ['polluted', 'banner']) delete (Object.prototype as Record<string, unknown>)[key];
    }
  });

  it('loads i18next once, and then translates through it (plurals from config overrides too)', async () => {
    useKit({
      ...sampleConfig,
      translations: { de: { 'demo.items_one': '{{count}} Ding', 'demo.items_other': '{{count}} Dinge' } },
    });
    const first = loadI18next();
    expect(loadI18next()).to.equal(first);
    const i18n = await first;
    expect(i18n?.isInitialized).to.equal(true);
    expect(translate('de', 'demo', 'items', { count: 2 })).to.equal('2 Dinge');
    expect(translate('de', 'demo', 'items', { count: 1 })).to.equal('1 Ding');
    // Strings registered after loading reach i18next as well.
    registerStrings('late', { nl: { word: 'laat' }, en: { word: 'late' } });
    expect(i18n?.t('word', { lng: 'en', ns: 'late' })).to.equal('late');
    resetI18nextForTests();
  });
});
