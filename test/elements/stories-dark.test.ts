// A site copies a story's theme as it is. Colours it sets hold in light and dark alike, while the
// ones it leaves out follow the visitor's setting: the story must stay readable in both.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { render } from 'lit';
import * as banner from '../../stories/privacy-banner.stories.js';
import { noKit } from '../../stories/consent-ui.support.js';
import { contrast } from './focus-ring.js';

interface StoryLike {
  render: (args: object, context: object) => ReturnType<typeof html>;
}

describe('the themed banner story', () => {
  afterEach(async () => {
    noKit();
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps its text at 4.5:1 or more on its background for a visitor in ${scheme} mode`, async () => {
      await emulateMedia({ colorScheme: scheme });
      const canvas = await fixture<HTMLDivElement>(html`<div></div>`);
      render((banner as unknown as Record<string, StoryLike>).Themed!.render({}, {}), canvas);
      const el = canvas.querySelector('privacy-banner')! as HTMLElement & {
        updateComplete: Promise<unknown>;
      };
      await el.updateComplete;
      const root = el.shadowRoot!;
      const background = getComputedStyle(root.querySelector('[part~="banner"]')!).backgroundColor;
      for (const part of ['title', 'message']) {
        const text = getComputedStyle(root.querySelector(`[part~="${part}"]`)!).color;
        expect(contrast(text, background), `${part}: ${text} on ${background}`).to.be.at.least(4.5);
      }
      const accept = getComputedStyle(root.querySelector('[part~="accept-button"]')!);
      expect(contrast(accept.color, accept.backgroundColor), 'accept button').to.be.at.least(4.5);
    });
  }

  it('takes a colour given for both modes with light-dark(), as the README says', async () => {
    const { Dutch } = banner as unknown as Record<string, StoryLike>;
    for (const [scheme, expected] of [
      ['light', 'rgb(45, 90, 39)'],
      ['dark', 'rgb(168, 213, 162)'],
    ] as const) {
      await emulateMedia({ colorScheme: scheme });
      const canvas = await fixture<HTMLDivElement>(
        html`<div style="--privacy-color-accent: light-dark(#2d5a27, #a8d5a2)"></div>`,
      );
      render(Dutch!.render({}, {}), canvas);
      const el = canvas.querySelector('privacy-banner')! as HTMLElement & {
        updateComplete: Promise<unknown>;
      };
      await el.updateComplete;
      const accept = el.shadowRoot!.querySelector('[part~="accept-button"]')!;
      expect(getComputedStyle(accept).backgroundColor, scheme).to.equal(expected);
      noKit();
    }
  });
});
