import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as stories from '../../stories/privacy-newsletter.stories.js';
import type { NewsletterState, PrivacyNewsletter } from '../../src/elements/privacy-newsletter/index.js';
import { reach } from './helpers.js';

type Args = { lang: 'nl' | 'en' };
interface StoryLike {
  args?: Partial<Args>;
  render?: (args: Args) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
}

const expected: Record<string, NewsletterState> = {
  Subscribe: 'subscribe',
  InvalidInput: 'subscribe',
  CheckYourInbox: 'pending',
  ConfirmLink: 'confirm',
  Confirmed: 'confirmed',
  Manage: 'manage',
  Unsubscribed: 'unsubscribed',
  ExpiredLink: 'invalid-link',
  UnknownLink: 'invalid-link',
  DeadUnsubscribeLink: 'invalid-link',
  ServerError: 'error',
  MailNotSent: 'error',
  Offline: 'offline',
  RateLimited: 'error',
  Loading: 'loading',
  Unavailable: 'unavailable',
};

async function show(name: string): Promise<PrivacyNewsletter> {
  const meta = stories.default as unknown as StoryLike;
  const story = (stories as unknown as Record<string, StoryLike>)[name];
  if (!story) throw new Error(`no story ${name}`);
  const args: Args = { lang: 'nl', ...meta.args, ...story.args };
  const canvas = await fixture<HTMLDivElement>(html`<div></div>`);
  const renderStory = story.render ?? meta.render;
  if (!renderStory) throw new Error('no render');
  render(renderStory(args), canvas);
  const original = console.error;
  console.error = () => undefined; // the Unavailable story logs its missing endpoint on purpose
  try {
    await story.play?.({ canvasElement: canvas });
  } finally {
    console.error = original;
  }
  const el = canvas.querySelector('privacy-newsletter');
  if (!el) throw new Error('no element');
  return el;
}

describe('privacy-newsletter stories', () => {
  for (const [name, state] of Object.entries(expected)) {
    it(`${name} shows the "${state}" state in Dutch and in English`, async () => {
      const nl = await show(name);
      await reach(nl, state);
      const en = await show(`${name}English`);
      await reach(en, state);
      const heading = (el: PrivacyNewsletter): string =>
        el.shadowRoot?.querySelector('h2, p')?.textContent ?? '';
      expect(heading(en)).not.to.equal(heading(nl));
      if (name === 'InvalidInput')
        expect(nl.shadowRoot?.querySelectorAll('[part="field-error"]')).to.have.length(2);
    });
  }
});
