/**
 * Every story of the consent UI renders as Storybook would (render, then play), shows the
 * element it is about, and passes axe; the states added for the audit are checked by name.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as banner from '../../stories/privacy-banner.stories.js';
import * as preferences from '../../stories/privacy-preferences.stories.js';
import * as gate from '../../stories/privacy-gate.stories.js';
import * as settings from '../../stories/privacy-settings-button.stories.js';
import * as cookieTable from '../../stories/privacy-cookie-table.stories.js';
import * as consentId from '../../stories/privacy-consent-id.stories.js';
import { noKit } from '../../stories/consent-ui.support.js';
import { shadowText } from './helpers.js';

interface StoryLike {
  render?: (args: object, context: object) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
}
interface StoryModule {
  readonly default: { readonly component?: string; readonly play?: StoryLike['play'] };
  readonly [name: string]: unknown;
}

// Storybook's own story types carry its whole play context; these tests pass only the canvas.
const files = { banner, preferences, gate, settings, cookieTable, consentId } as unknown as Record<
  'banner' | 'preferences' | 'gate' | 'settings' | 'cookieTable' | 'consentId',
  StoryModule
>;

/** Renders one story into a fresh canvas and runs its play function; resolves with the canvas. */
async function show(module: StoryModule, name: string): Promise<HTMLElement> {
  const story = module[name] as StoryLike;
  const canvas = await fixture<HTMLDivElement>(html`<div></div>`);
  render((story.render as NonNullable<StoryLike['render']>)({}, {}), canvas);
  await (story.play ?? module.default.play)?.({ canvasElement: canvas });
  for (const el of canvas.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*'))
    await el.updateComplete;
  return canvas;
}

function one<T extends HTMLElement = HTMLElement>(canvas: HTMLElement, tag: string): T {
  const el = canvas.querySelector<T>(tag);
  if (!el) throw new Error(`no <${tag}>`);
  return el;
}

describe('consent UI stories', function (this: { timeout(ms: number): void }) {
  this.timeout(120_000);
  afterEach(() => {
    noKit();
    for (const el of document.querySelectorAll('privacy-preferences, privacy-announcer')) el.remove();
    document.documentElement.style.removeProperty('scroll-padding-bottom');
  });

  for (const [file, module] of Object.entries(files)) {
    for (const name of Object.keys(module).filter((n) => n !== 'default')) {
      it(`${file}: ${name} renders its element and passes axe`, async () => {
        const canvas = await show(module, name);
        const tag = module.default.component as string;
        const el = tag === 'privacy-preferences' ? document.querySelector(tag) : canvas.querySelector(tag);
        expect(el, tag).to.not.equal(null);
        await expect(el).to.be.accessible();
        (el as HTMLElement & { close?: () => void }).close?.();
      });
    }
  }

  it('preferences NoServices: category switches only', async () => {
    const canvas = await show(files.preferences, 'NoServices');
    const dialog = one(canvas, 'privacy-preferences');
    expect(dialog.shadowRoot?.querySelectorAll('[data-category]').length).to.equal(3);
    expect(dialog.shadowRoot?.querySelectorAll('[data-service]').length).to.equal(0);
  });

  it('gate Waiting: no buttons, says it loads only when you choose', async () => {
    const canvas = await show(files.gate, 'Waiting');
    const el = one(canvas, 'privacy-gate');
    expect(el.shadowRoot?.querySelector('button')).to.equal(null);
    expect(shadowText(el)).to.equal('Deze inhoud wordt pas geladen als u daarvoor kiest.');
  });

  it('settings HiddenWhileBanner: the floating button is gone while the banner asks', async () => {
    const canvas = await show(files.settings, 'HiddenWhileBanner');
    expect(one(canvas, 'privacy-banner').shadowRoot?.querySelector('[part="banner"]')).to.not.equal(null);
    expect(one(canvas, 'privacy-settings-button').shadowRoot?.querySelector('button')).to.equal(null);
  });

  it('cookie table Unavailable, consent id Unavailable / NoId / WithId', async () => {
    const table = one(await show(files.cookieTable, 'Unavailable'), 'privacy-cookie-table');
    expect(table.shadowRoot?.querySelector('[part="unavailable"]')).to.not.equal(null);
    const unavailable = one(await show(files.consentId, 'Unavailable'), 'privacy-consent-id');
    expect(shadowText(unavailable)).to.contain('kan op deze pagina niet worden getoond');
    const noId = one(await show(files.consentId, 'NoId'), 'privacy-consent-id');
    expect(shadowText(noId)).to.contain('U hebt op deze website nog geen keuze over cookies gemaakt.');
    const withId = one(await show(files.consentId, 'WithId'), 'privacy-consent-id');
    expect(withId.shadowRoot?.querySelector('[part="code"]')?.textContent).to.match(/\S/);
  });
});
