/**
 * WCAG 3.1.2 (language of parts) for text the site supplies: a config text found only in another
 * language, and an editor's attribute text on a page whose language privacy-kit has no strings for.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/privacy-banner/index.js';
import '../../src/elements/privacy-preferences/index.js';
import '../../src/elements/privacy-settings-button/index.js';
import '../../src/elements/privacy-gate/index.js';
import type { PrivacyGate } from '../../src/elements/privacy-gate/index.js';
import type { PrivacyBanner } from '../../src/elements/privacy-banner/index.js';
import type { PrivacyPreferences } from '../../src/elements/privacy-preferences/index.js';
import type { PrivacySettingsButton } from '../../src/elements/privacy-settings-button/index.js';
import type { PrivacyKitConfig } from '../../src/core/types.js';
import { cleanUp, sampleConfig, useKit } from '../elements/helpers.js';

/** The language the text node containing `text` in `host`'s shadow tree is marked with. */
function languageOf(host: Element, text: string): string | undefined {
  const walker = document.createTreeWalker(host.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.includes(text)) {
      return node.parentElement?.closest('[lang]')?.getAttribute('lang') ?? 'unmarked';
    }
  }
  throw new Error(`no "${text}" in <${host.localName}>`);
}

const DUTCH_LABEL = 'Video’s en kaarten';
const mediaOnlyInDutch: PrivacyKitConfig = {
  ...sampleConfig,
  categories: { ...sampleConfig.categories, media: { label: { nl: DUTCH_LABEL } } },
  services: {
    ...sampleConfig.services,
    youtube: { ...sampleConfig.services!['youtube']!, category: 'media', label: { nl: 'YouTube-video’s' } },
  },
};

describe('language of config and attribute text', () => {
  afterEach(cleanUp);

  it('marks a category label the config has only in Dutch as nl in the English dialog', async () => {
    document.documentElement.setAttribute('lang', 'en');
    useKit(mediaOnlyInDutch);
    const el = await fixture<PrivacyPreferences>(html`<privacy-preferences></privacy-preferences>`);
    await el.show();
    expect(languageOf(el, DUTCH_LABEL)).to.equal('nl');
    expect(languageOf(el, 'YouTube-video’s')).to.equal('nl');
    expect(languageOf(el, 'Save choices')).to.equal('en');
  });

  it('marks the Dutch label inside the English sentences of the gate as nl, the sentence en', async () => {
    document.documentElement.setAttribute('lang', 'en');
    useKit(mediaOnlyInDutch);
    const el = await fixture<PrivacyGate>(
      html`<privacy-gate service="youtube"><iframe title="Video" data-src="/x"></iframe></privacy-gate>`,
    );
    await el.updateComplete;
    expect(languageOf(el, DUTCH_LABEL)).to.equal('nl');
    expect(languageOf(el, 'in your cookie settings')).to.equal('en');
    expect(languageOf(el, 'YouTube-video’s')).to.equal('nl');
    expect(languageOf(el, 'Always allow')).to.equal('en');
  });

  it('marks an editor’s heading, message and label with the page’s language (German), not the strings’ (Dutch)', async () => {
    document.documentElement.setAttribute('lang', 'de');
    useKit();
    const page = await fixture<HTMLElement>(
      html`<div>
        <privacy-banner
          heading="Dürfen wir Cookies verwenden?"
          message="Wir messen Besuche."
        ></privacy-banner>
        <privacy-settings-button label="Cookie-Einstellungen"></privacy-settings-button>
      </div>`,
    );
    const banner = page.querySelector('privacy-banner') as PrivacyBanner;
    const button = page.querySelector('privacy-settings-button') as PrivacySettingsButton;
    await banner.updateComplete;
    await button.updateComplete;
    expect(languageOf(banner, 'Dürfen wir Cookies verwenden?')).to.equal('de');
    expect(languageOf(banner, 'Wir messen Besuche.')).to.equal('de');
    expect(languageOf(banner, 'Alles accepteren')).to.equal('nl');
    expect(languageOf(button, 'Cookie-Einstellungen')).to.equal('de');
  });
});
