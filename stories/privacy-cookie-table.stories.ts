/**
 * `<privacy-cookie-table>` on its own (a CMS page places it in its statement): before a choice,
 * after one, twelve services, dark, and on a page without consent settings.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/privacy-cookie-table/index.js';
import { noKit, storyKit, twelveServices } from './consent-ui.support.js';

const meta: Meta = {
  title: 'Elements/privacy-cookie-table',
  component: 'privacy-cookie-table',
};
export default meta;

type Story = StoryObj;

/** No choice yet: every optional service says so. */
export const NoChoiceYet: Story = {
  render: () => {
    storyKit();
    return html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`;
  },
};

/** After the visitor allowed statistics and refused marketing; the table follows every change live. */
export const AfterAChoice: Story = {
  render: () => {
    storyKit(undefined, (kit) => kit.update({ categories: { analytics: true, marketing: false } }));
    return html`<privacy-cookie-table lang="en"></privacy-cookie-table>`;
  },
};

export const TwelveServices: Story = {
  render: () => {
    storyKit(twelveServices, (kit) => kit.acceptAll());
    return html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`;
  },
};

/** Narrow (below 45rem): each service is a card with a label above every value. */
export const Narrow: Story = {
  render: () => {
    storyKit();
    return html`<div style="max-width: 320px"><privacy-cookie-table lang="nl"></privacy-cookie-table></div>`;
  },
};

export const Dark: Story = {
  render: () => {
    storyKit(undefined, (kit) => kit.rejectAll());
    return html`<div
      style="background:#16171b;color:#eceef4;padding:1rem;--privacy-color-border:#9a9cab;--privacy-color-surface:#23252c;--privacy-color-focus:#ffd166"
    >
      <privacy-cookie-table lang="nl"></privacy-cookie-table>
    </div>`;
  },
};

/** A page without the consent script: the table says the overview is not available. */
export const Unavailable: Story = {
  render: () => {
    noKit();
    return html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`;
  },
};
