/**
 * `<privacy-consent-id>`: the visitor's consent id with a ready access/correction mail — with an
 * id, before any choice (no id), and on a page without consent settings (unavailable).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/privacy-consent-id/index.js';
import { noKit, storyKit } from './consent-ui.support.js';

const meta: Meta = {
  title: 'Elements/privacy-consent-id',
  component: 'privacy-consent-id',
};
export default meta;

type Story = StoryObj;

/** After a choice: the id, and a mail link whose subject and body carry it. */
export const WithId: Story = {
  render: () => {
    storyKit(undefined, (kit) => kit.rejectAll());
    return html`<privacy-consent-id lang="nl" email="privacy@kopgroepbibliotheken.nl"></privacy-consent-id>`;
  },
};

export const WithIdEnglish: Story = {
  render: () => {
    storyKit(undefined, (kit) => kit.acceptAll());
    return html`<privacy-consent-id lang="en" email="privacy@kopgroepbibliotheken.nl"></privacy-consent-id>`;
  },
};

/** No choice made yet: no id; the request mail is still offered. */
export const NoId: Story = {
  render: () => {
    storyKit();
    return html`<privacy-consent-id lang="nl" email="privacy@kopgroepbibliotheken.nl"></privacy-consent-id>`;
  },
};

/** A page without the consent script: the id cannot be shown; the request mail still can. */
export const Unavailable: Story = {
  render: () => {
    noKit();
    return html`<privacy-consent-id lang="nl" email="privacy@kopgroepbibliotheken.nl"></privacy-consent-id>`;
  },
};

/** Without an `email` attribute there is no mail link, only the id. */
export const WithoutEmail: Story = {
  render: () => {
    storyKit(undefined, (kit) => kit.rejectAll());
    return html`<privacy-consent-id lang="nl"></privacy-consent-id>`;
  },
};
