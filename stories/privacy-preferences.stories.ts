/** `<privacy-preferences>`: default, details open, pre-filled, no services, twelve services, Global Privacy Control, analytics exemption, English, dark. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/index.js';
import type { PrivacyPreferences } from '../src/elements/index.js';
import { sampleConfig, storyKit, twelveServices } from './consent-ui.support.js';

const open: Story['play'] = async ({ canvasElement }) => {
  await canvasElement.querySelector<PrivacyPreferences>('privacy-preferences')?.show();
};

const openWithDetails: Story['play'] = async ({ canvasElement }) => {
  const dialog = canvasElement.querySelector<PrivacyPreferences>('privacy-preferences');
  await dialog?.show();
  for (const details of dialog?.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
};

const meta: Meta = {
  title: 'Elements/privacy-preferences',
  component: 'privacy-preferences',
  play: open,
};
export default meta;

type Story = StoryObj;

export const Default: Story = {
  render: () => {
    storyKit();
    return html`<div lang="nl"><privacy-preferences></privacy-preferences></div>`;
  },
};

export const ServiceDetailsOpen: Story = {
  name: 'Every service’s details open',
  render: () => {
    storyKit();
    return html`<div lang="nl"><privacy-preferences></privacy-preferences></div>`;
  },
  play: openWithDetails,
};

export const Prefilled: Story = {
  name: 'Pre-filled with an earlier choice',
  render: () => {
    storyKit(sampleConfig, (kit) =>
      kit.update({ categories: { analytics: true }, services: { 'adobe-analytics': false } }),
    );
    return html`<div lang="nl"><privacy-preferences></privacy-preferences></div>`;
  },
};

export const NoServices: Story = {
  name: 'No services (categories only)',
  render: () => {
    storyKit({ revision: 'r0', language: 'nl', categories: { analytics: {}, marketing: {} } });
    return html`<div lang="nl"><privacy-preferences></privacy-preferences></div>`;
  },
};

export const TwelveServices: Story = {
  render: () => {
    storyKit(twelveServices);
    return html`<div lang="nl"><privacy-preferences></privacy-preferences></div>`;
  },
};

export const GlobalPrivacyControl: Story = {
  name: 'Global Privacy Control on',
  render: () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    storyKit(sampleConfig, undefined, undefined, true);
    return html`<div lang="en"><privacy-preferences></privacy-preferences></div>`;
  },
};

export const AnalyticsExemption: Story = {
  name: 'Analytics exemption, no decision yet',
  render: () => {
    storyKit({ ...sampleConfig, analyticsExemption: true });
    return html`<div lang="nl"><privacy-preferences></privacy-preferences></div>`;
  },
};

export const English: Story = {
  render: () => {
    storyKit();
    return html`<div lang="en"><privacy-preferences></privacy-preferences></div>`;
  },
};

export const Dark: Story = {
  render: () => {
    storyKit();
    return html`<div lang="nl" style="--privacy-color-scheme: dark">
      <privacy-preferences></privacy-preferences>
    </div>`;
  },
};
