/** `<privacy-gate>`: where keyboard focus goes once the button pressed has gone (WCAG 2.4.3). */
import { expect, fixture, html } from '@open-wc/testing';
import type { PrivacyKit } from '../../src/core/types.js';
import '../../src/elements/privacy-gate/index.js';
import type { PrivacyGate } from '../../src/elements/privacy-gate/index.js';
import { usePrivacyKit } from '../../src/elements/context.js';
import { waitUntil } from '../wait.js';
import { $, cleanUp, deepActive, useKit } from './helpers.js';

// A same-origin address: tests never send traffic off this machine.
const EMBED = `${location.origin}/__embed-test__`;

describe('<privacy-gate> focus after a choice', () => {
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('"Always allow" while the decision code is still loading: focus goes to the embed once saved', async () => {
    const kit = useKit();
    // The script tag's API: an action returns a Promise while its decision code loads.
    let release: () => void = () => {};
    const loading = new Promise<void>((resolve) => (release = resolve));
    const slow: PrivacyKit = Object.create(kit, {
      update: {
        value: (...args: Parameters<PrivacyKit['update']>) => loading.then(() => kit.update(...args)),
      },
    });
    usePrivacyKit(slow);
    const el = await fixture<PrivacyGate>(
      html`<privacy-gate service="youtube"><iframe title="Video" data-src=${EMBED}></iframe></privacy-gate>`,
    );
    await el.updateComplete;
    const allow = $(el, '[part="allow-button"]');
    allow.focus();
    allow.click();
    // The gate has settled with the decision still pending; then the decision code arrives.
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    release();
    const frame = el.querySelector('iframe') as HTMLIFrameElement;
    await waitUntil(() => deepActive() === frame, 'focus on the loaded embed');
    expect(frame.getAttribute('src')).to.equal(EMBED);
    expect(slow.isGranted('youtube')).to.equal(true);
  });

  it('"Load this once" with nothing loadable inside keeps focus in the gate, not on the page top', async () => {
    useKit();
    const el = await fixture<PrivacyGate>(
      html`<privacy-gate service="youtube"><p>Een video over de bibliotheek.</p></privacy-gate>`,
    );
    await el.updateComplete;
    const once = $(el, '[part="load-once-button"]');
    once.focus();
    once.click();
    // Not on the shadow host alone (what the browser leaves once the button has gone).
    const content = el.querySelector('p');
    await waitUntil(() => deepActive() === content, 'focus on the content the gate revealed');
  });
});
