/** `<privacy-settings-button>`: footer link, floating corner button, stepped aside while the banner shows, dark. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/index.js';
import { storyKit } from './consent-ui.support.js';

const meta: Meta = {
  title: 'Elements/privacy-settings-button',
  component: 'privacy-settings-button',
};
export default meta;

type Story = StoryObj;

export const Link: Story = {
  name: 'Link (footer)',
  render: () => {
    storyKit(undefined, (kit) => kit.acceptAll());
    return html`<footer lang="nl">
      © Bibliotheek KopGroep · <privacy-settings-button></privacy-settings-button>
    </footer>`;
  },
};

export const Floating: Story = {
  render: () => {
    storyKit(undefined, (kit) => kit.rejectAll());
    return html`<div lang="en">
      <p>The button sits in the bottom corner.</p>
      <privacy-settings-button variant="floating"></privacy-settings-button>
    </div>`;
  },
};

/** No decision yet: the banner offers the same choice, so the floating button is not shown. */
export const HiddenWhileBanner: Story = {
  name: 'Floating, hidden while the banner shows',
  parameters: { layout: 'fullscreen' },
  render: () => {
    storyKit();
    return html`<div lang="nl" style="min-height: 100vh; padding: 1rem">
      <p>De knop verschijnt pas als de melding weg is (kies iets in de melding).</p>
      <privacy-banner></privacy-banner>
      <privacy-settings-button variant="floating"></privacy-settings-button>
    </div>`;
  },
};

export const Dark: Story = {
  render: () => {
    storyKit(undefined, (kit) => kit.rejectAll());
    return html`<div
      lang="nl"
      style="--privacy-color-scheme: dark; background: #111; color: #eee; padding: 1rem; min-height: 8rem"
    >
      <p>© Bibliotheek KopGroep · <privacy-settings-button></privacy-settings-button></p>
      <privacy-settings-button variant="floating"></privacy-settings-button>
    </div>`;
  },
};
