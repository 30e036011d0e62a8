/**
 * `<privacy-statement>` in each of its states: the KopGroep statement in Dutch and English
 * (documents imported and passed as a property, so no server is needed), a visitor who already
 * chose, loading, the error state, a dark theme through `--privacy-*` properties, and plain-HTML mode.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createConsent, memoryStorage } from '../src/core/index.js';
import type { PrivacyKit, PrivacyKitConfig } from '../src/core/types.js';
import { usePrivacyKit } from '../src/elements/context.js';
import '../src/elements/privacy-statement/index.js';
import nl from '../statements/kopgroep.nl.json';
import en from '../statements/kopgroep.en.json';

const config: PrivacyKitConfig = {
  revision: '2018-06-18',
  language: 'nl',
  categories: { analytics: { label: { nl: 'Statistieken', en: 'Statistics' } }, marketing: {} },
  services: {
    'google-analytics': {
      category: 'analytics',
      label: 'Google Analytics',
      provider: 'Google',
      description: { nl: 'Meet het gebruik van de website', en: 'Measures how the website is used' },
      cookies: [
        { name: '_ga', lifetime: { nl: '2 jaar', en: '2 years' } },
        { name: '_ga_*', lifetime: { nl: '2 jaar', en: '2 years' } },
      ],
    },
    'adobe-analytics': {
      category: 'analytics',
      label: 'Adobe Analytics',
      provider: 'Adobe',
      description: { nl: 'Meet het gebruik van de website', en: 'Measures how the website is used' },
      cookies: [{ name: 's_vi', lifetime: { nl: '2 jaar', en: '2 years' } }, 's_cc'],
    },
  },
};

/** A fresh in-memory consent store bound to the elements; `decide` makes a choice first. */
function kit(decide?: (k: PrivacyKit) => void): void {
  const k = createConsent(config, {
    cookies: memoryStorage(),
    localStorage: null,
    BroadcastChannel: null,
    window: null,
  });
  decide?.(k);
  // Storybook has no preferences dialog here: show what the button asked for.
  k.on('show-preferences', () => console.info('privacy-statement story: showPreferences() called'));
  usePrivacyKit(k);
}

const meta: Meta = {
  title: 'Elements/privacy-statement',
  component: 'privacy-statement',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

/** The foundation's statement in Dutch; no cookie choice made yet. */
export const Dutch: Story = {
  render: () => {
    kit();
    return html`<privacy-statement newsletter-href="#nieuwsbrief" .document=${nl}></privacy-statement>`;
  },
};

/** The English translation, after the visitor accepted statistics. */
export const EnglishAfterAChoice: Story = {
  render: () => {
    kit((k) => k.update({ categories: { analytics: true, marketing: false } }));
    return html`<privacy-statement
      lang="en"
      newsletter-href="#newsletter"
      .document=${en}
    ></privacy-statement>`;
  },
};

/** An invalid document: the error names each bad field (and the element fires `privacy-error`). */
export const InvalidDocument: Story = {
  render: () =>
    html`<privacy-statement
      .document=${{ ...nl, updated: '18 juni 2018', sections: [{ id: 'Website', heading: '', blocks: [{ type: 'quote' }] }] }}
    ></privacy-statement>`,
};

const LOADING_FOREVER = '/statements/loading-forever.json';

/** Storybook has no slow server: this one address never answers, everything else goes through. */
function neverAnswer(path: string): void {
  const marked = window as Window & { __privacyNeverAnswer?: Set<string> };
  if (!marked.__privacyNeverAnswer) {
    const set = (marked.__privacyNeverAnswer = new Set<string>());
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      return set.has(url.pathname) ? new Promise<Response>(() => undefined) : fetch(input, init);
    };
  }
  marked.__privacyNeverAnswer.add(path);
}

/** While the document is on its way: a polite status line, nothing else. */
export const Loading: Story = {
  render: () => {
    neverAnswer(LOADING_FOREVER);
    return html`<privacy-statement lang="nl" src=${LOADING_FOREVER}></privacy-statement>`;
  },
};

/** A `src` that does not exist: the HTTP status is shown instead of a blank page. */
export const NotFound: Story = {
  render: () => html`<privacy-statement lang="en" src="/statements/does-not-exist.json"></privacy-statement>`,
};

/** Themed dark through the `--privacy-*` custom properties; the page's typography is inherited. */
export const DarkTheme: Story = {
  render: () => {
    kit((k) => k.rejectAll());
    return html`<div
      style="background:#16171b;color:#eceef4;font-family:Georgia,serif;padding:1.5rem;
        --privacy-color-link:#9ec5ff;--privacy-color-border:#9a9cab;--privacy-color-surface:#23252c;
        --privacy-color-accent:#9ec5ff;--privacy-color-accent-text:#0d1b2e;--privacy-color-focus:#ffd166;
        --privacy-color-muted:#c3c6d1"
    >
      <privacy-statement .document=${nl}></privacy-statement>
    </div>`;
  },
};

/** Plain-HTML mode: a CMS page's own HTML, with a TOC, the "last changed" line and live blocks added. */
export const PlainHtml: Story = {
  render: () => {
    kit();
    return html`<privacy-statement revision="2018-06-18" updated="2018-06-18" lang="nl">
      <h1 slot="title">Privacyverklaring</h1>
      <h2>Hoe gaan wij om met uw privacy?</h2>
      <p>
        Voor Stichting KopGroep Bibliotheken is de bescherming van uw persoonsgegevens belangrijk. Wij
        respecteren uw privacy en zorgen ervoor dat de persoonlijke informatie die u aan ons verschaft
        vertrouwelijk wordt behandeld.
      </p>
      <h2>Website</h2>
      <p>Op onze website wordt gebruikgemaakt van cookies.</p>
      <privacy-cookie-table></privacy-cookie-table>
      <h2>Vragen en recht op inzage en correctie</h2>
      <p>
        Als u uw gegevens wilt inzien of wijzigen, kunt u contact opnemen via privacy@kopgroepbibliotheken.nl.
      </p>
      <privacy-consent-id email="privacy@kopgroepbibliotheken.nl"></privacy-consent-id>
    </privacy-statement>`;
  },
};
