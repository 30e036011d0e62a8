/** `<privacy-settings-button>`: as a footer link and as a floating corner button. */
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
