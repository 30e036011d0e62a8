/** `<privacy-gate>`: placeholder (nl, en, dark), waiting for the config, allowed (embed loads), unknown service. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/index.js';
import { noKit, storyKit } from './consent-ui.support.js';

// A same-origin picture of a video player stands in for the video: the story sends nothing to
// YouTube, runs no script and needs no inline style (the gate loads only http(s) addresses, so not
// a data: URL or srcdoc). Storybook's Vite build must not inline it as a data: URL (see main.ts).
const fakeVideo = new URL('./assets/fake-video.svg', import.meta.url).href;
const embed = html`<iframe
  title="Video: voorlezen in de bibliotheek"
  width="480"
  height="270"
  data-src=${fakeVideo}
></iframe>`;

const meta: Meta = {
  title: 'Elements/privacy-gate',
  component: 'privacy-gate',
};
export default meta;

type Story = StoryObj;

export const Placeholder: Story = {
  render: () => {
    storyKit();
    return html`<div lang="nl" style="max-width: 480px">
      <privacy-gate service="youtube">${embed}</privacy-gate>
    </div>`;
  },
};

export const PlaceholderEnglish: Story = {
  render: () => {
    storyKit();
    return html`<div lang="en" style="max-width: 480px">
      <privacy-gate service="youtube">${embed}</privacy-gate>
    </div>`;
  },
};

export const Allowed: Story = {
  render: () => {
    storyKit(undefined, (kit) => kit.update({ categories: { marketing: true } }));
    return html`<div lang="nl"><privacy-gate service="youtube">${embed}</privacy-gate></div>`;
  },
};

export const UnknownService: Story = {
  render: () => {
    storyKit();
    return html`<div lang="nl" style="max-width: 480px">
      <privacy-gate service="vimeo">${embed}</privacy-gate>
    </div>`;
  },
};

/** Before the consent config has arrived (a `data-config` URL still loading): nothing to choose yet. */
export const Waiting: Story = {
  render: () => {
    noKit();
    return html`<div lang="nl" style="max-width: 480px">
      <privacy-gate service="youtube">${embed}</privacy-gate>
    </div>`;
  },
};

export const Dark: Story = {
  render: () => {
    storyKit();
    return html`<div
      lang="nl"
      style="--privacy-color-scheme: dark; background: #111; color: #eee; padding: 1rem; max-width: 480px"
    >
      <privacy-gate service="youtube">${embed}</privacy-gate>
    </div>`;
  },
};
