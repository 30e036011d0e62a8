/** `<privacy-banner>`: which language it speaks, its texts and links, config text as text. */
import { expect, fixture, html } from '@open-wc/testing';
import { createConsent, memoryStorage } from '../../src/core/index.js';
import '../../src/elements/privacy-banner/index.js';
import type { PrivacyBanner } from '../../src/elements/privacy-banner/index.js';
import { $, cleanUp, mountBanner, sampleConfig, shadowText, useKit, animationsDone } from './helpers.js';

describe('<privacy-banner> language and texts', function (this: { timeout(ms: number): void }) {
  // axe runs are slow on a shared two-core machine; behaviour, not speed, is under test here.
  this.timeout(40_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('speaks Dutch on a page in <html lang="nl-BE">', async () => {
    document.documentElement.setAttribute('lang', 'nl-BE');
    useKit();
    const el = await mountBanner();
    expect($(el, '[part="accept-button"]').textContent?.trim()).to.equal('Alles accepteren');
    expect($(el, '[part="reject-button"]').textContent?.trim()).to.equal('Alles weigeren');
    expect($(el, '[part="title"]').textContent).to.equal('Mogen wij cookies gebruiken?');
  });

  it('speaks English on an English page, and its own lang attribute wins', async () => {
    document.documentElement.setAttribute('lang', 'en-GB');
    useKit();
    const el = await mountBanner();
    expect($(el, '[part="reject-button"]').textContent?.trim()).to.equal('Reject all');
    el.setAttribute('lang', 'nl');
    await Promise.resolve(); // the MutationObserver that schedules the re-render is a microtask
    await el.updateComplete;
    expect($(el, '[part="reject-button"]').textContent?.trim()).to.equal('Alles weigeren');
  });

  it('falls back to the default language for a key the page language lacks, never a key name', async () => {
    document.documentElement.setAttribute('lang', 'fr');
    useKit({
      ...sampleConfig,
      translations: { fr: { 'banner.title': 'Pouvons-nous utiliser des cookies ?' } },
    });
    const el = await mountBanner();
    expect($(el, '[part="title"]').textContent).to.equal('Pouvons-nous utiliser des cookies ?');
    expect($(el, '[part="accept-button"]').textContent?.trim()).to.equal('Alles accepteren');
    expect(shadowText(el)).not.to.match(/\b(accept|reject|title|message)\b/);
  });

  it('after a changed revision says the statement changed and links to #changes', async () => {
    const cookie = memoryStorage();
    const old = createConsent(
      { ...sampleConfig, revision: '2017-01-01' },
      { cookies: cookie, localStorage: null, window: null, BroadcastChannel: null },
    );
    old.rejectAll();
    old.destroy();
    const kit = useKit(sampleConfig, { cookies: cookie });
    expect(kit.needsDecisionReason()).to.equal('revision');
    const el = await mountBanner();
    expect($(el, '[part="message"]').textContent).to.contain('Onze privacyverklaring is gewijzigd');
    expect($<HTMLAnchorElement>(el, '[part="policy-link"]').href).to.equal(
      'https://example.org/privacy#changes',
    );
    await animationsDone(el);
    await expect(el).to.be.accessible();
  });

  it('links to the privacy statement from config, and to nothing for a javascript: URL', async () => {
    useKit();
    const el = await mountBanner();
    expect($<HTMLAnchorElement>(el, '[part="policy-link"]').href).to.equal('https://example.org/privacy');
    cleanUp();
    useKit({ ...sampleConfig, privacyPolicyUrl: 'javascript:alert(1)' });
    const other = await mountBanner();
    expect(other.shadowRoot?.querySelector('a')).to.equal(null);
  });

  it('takes heading and message from attributes and config overrides, as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    document.documentElement.setAttribute('lang', 'en');
    useKit({ ...sampleConfig, translations: { en: { 'banner.accept': hostile } } });
    const el = await fixture<PrivacyBanner>(
      html`<privacy-banner heading=${hostile} message="Our own words"></privacy-banner>`,
    );
    await el.updateComplete;
    expect($(el, '[part="title"]').textContent).to.equal(hostile);
    expect($(el, '[part="message"]').textContent).to.contain('Our own words');
    expect($(el, '[part="accept-button"]').textContent?.trim()).to.equal(hostile);
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
