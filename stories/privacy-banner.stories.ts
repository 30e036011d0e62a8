/** `<privacy-banner>`: Dutch, English, statement changed, dark, top, closable, overridden texts. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/index.js';
import { revisedKit, sampleConfig, storyKit } from './consent-ui.support.js';

const page = html`<main>
  <h1>Bibliotheek KopGroep</h1>
  <p>De pagina blijft bruikbaar terwijl de melding openstaat: er is geen cookiemuur.</p>
  <p><a href="#boeken">Boeken zoeken</a></p>
</main>`;

const meta: Meta = {
  title: 'Elements/privacy-banner',
  component: 'privacy-banner',
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj;

export const Dutch: Story = {
  render: () => {
    storyKit();
    return html`<div lang="nl">${page}<privacy-banner></privacy-banner></div>`;
  },
};

export const English: Story = {
  render: () => {
    storyKit();
    return html`<div lang="en">${page}<privacy-banner closable></privacy-banner></div>`;
  },
};

export const StatementChanged: Story = {
  name: 'Statement changed (revision)',
  render: () => {
    revisedKit();
    return html`<div lang="nl">${page}<privacy-banner></privacy-banner></div>`;
  },
};

export const Dark: Story = {
  render: () => {
    storyKit();
    return html`<div
      lang="nl"
      style="--privacy-color-scheme: dark; background: #111; color: #eee; min-height: 100vh"
    >
      ${page}<privacy-banner closable></privacy-banner>
    </div>`;
  },
};

export const Top: Story = {
  render: () => {
    storyKit();
    return html`<div lang="en">${page}<privacy-banner position="top"></privacy-banner></div>`;
  },
};

export const Themed: Story = {
  name: 'Themed with --privacy-* properties',
  render: () => {
    storyKit();
    return html`<div
      lang="nl"
      style="--privacy-color-accent: #2d5a27; --privacy-radius: 0; --privacy-font-family: Georgia, serif; --privacy-color-background: #fbf8f1; --privacy-color-scheme: light"
    >
      ${page}<privacy-banner
        heading="Cookies bij de bibliotheek"
        message="Wij vragen eerst uw toestemming."
      ></privacy-banner>
    </div>`;
  },
};

export const ExtraLanguageFromConfig: Story = {
  name: 'Extra language (de) from config only',
  render: () => {
    storyKit({
      ...sampleConfig,
      translations: {
        de: {
          'banner.label': 'Cookie-Hinweis',
          'banner.title': 'Dürfen wir Cookies verwenden?',
          'banner.message':
            'Wir verwenden notwendige Cookies. Mit Ihrer Zustimmung messen wir auch die Nutzung der Website.',
          'banner.policyLink': 'Datenschutzerklärung lesen',
          'banner.accept': 'Alle akzeptieren',
          'banner.reject': 'Alle ablehnen',
          'banner.preferences': 'Selbst wählen',
          'preferences.title': 'Ihre Cookie-Einstellungen',
          'preferences.save': 'Auswahl speichern',
          'preferences.accept': 'Alle akzeptieren',
          'preferences.reject': 'Alle ablehnen',
          'preferences.services_one': '{{count}} Dienst anzeigen',
          'preferences.services_other': '{{count}} Dienste anzeigen',
          'labels.category.analytics.label': 'Statistik',
          'labels.category.necessary.label': 'Notwendig',
          'common.saved': 'Ihre Auswahl wurde gespeichert.',
        },
      },
    });
    return html`<div lang="de">${page}<privacy-banner></privacy-banner></div>`;
  },
};
