import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as stories from '../../stories/privacy-statement.stories.js';
import type { PrivacyStatement, StatementErrorDetail } from '../../src/elements/privacy-statement/index.js';
import { cleanUp, shadowAll, shadowOne } from './helpers.js';

type StoryName = Exclude<keyof typeof stories, 'default'>;

/** Renders a story as Storybook would and resolves with its statement once it settled. */
async function show(name: StoryName): Promise<{ el: PrivacyStatement; event?: CustomEvent }> {
  const container = document.createElement('div');
  document.body.append(container);
  const story = stories[name] as { render: (args: object, context: object) => TemplateResult };
  const settled = new Promise<CustomEvent>((resolve) => {
    const done = (e: Event) => resolve(e as CustomEvent);
    container.addEventListener('privacy-statement-load', done, { once: true });
    container.addEventListener('privacy-error', done, { once: true });
  });
  render(story.render({}, {}), container);
  const el = container.querySelector('privacy-statement')!;
  // Plain-HTML mode fires no load event: it has nothing to load; Loading never finishes loading.
  const event = name === 'PlainHtml' || name === 'Loading' ? undefined : await settled;
  await el.updateComplete;
  return event ? { el, event } : { el };
}

describe('privacy-statement stories', () => {
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
  });

  it('shows the Dutch statement, the English one, and the dark theme', async () => {
    for (const name of ['Dutch', 'EnglishAfterAChoice', 'DarkTheme'] as const) {
      const { el, event } = await show(name);
      expect(event?.type, name).to.equal('privacy-statement-load');
      expect(shadowAll(el, 'h2').length, name).to.be.greaterThan(10);
      document.body.replaceChildren();
    }
  });

  it('shows the invalid and the missing document as errors', async () => {
    const invalid = await show('InvalidDocument');
    expect((invalid.event?.detail as StatementErrorDetail).reason).to.equal('invalid');
    const missing = await show('NotFound');
    expect((missing.event?.detail as StatementErrorDetail).reason).to.equal('http');
    expect(shadowOne(missing.el, '[role="alert"]').textContent).to.contain('404');
  });

  it('shows the loading state, accessibly', async () => {
    const { el } = await show('Loading');
    expect(shadowOne(el, '[part="loading"]').textContent).to.equal('De privacyverklaring wordt geladen…');
    await expect(el).to.be.accessible();
  });

  it('shows plain-HTML mode with its table of contents', async () => {
    const { el } = await show('PlainHtml');
    expect(shadowAll(el, 'nav a').map((a) => a.textContent)).to.deep.equal([
      'Hoe gaan wij om met uw privacy?',
      'Website',
      'Vragen en recht op inzage en correctie',
    ]);
  });
});
