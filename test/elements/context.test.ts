import { expect, fixture, html } from '@open-wc/testing';
import { createConsent, memoryStorage } from '../../src/core/index.js';
import type { PrivacyKit } from '../../src/core/types.js';
import { getPrivacyKit, resetPrivacyKitForTests, whenPrivacyKit } from '../../src/elements/context.js';
import '../../src/elements/index.js';
import type { PrivacyNewsletter } from '../../src/elements/index.js';
import { waitUntil } from '../wait.js';
import { sampleConfig } from './helpers.js';

/**
 * What the script-tag loader does with `data-config="/config.json"`: `window.privacyKit` exists
 * at once, its config only once the JSON has arrived (`ready`).
 */
function loaderLikeKit(): { kit: PrivacyKit; arrive(): void } {
  const real = createConsent(sampleConfig, {
    cookies: memoryStorage(),
    BroadcastChannel: null,
    localStorage: null,
  });
  let arrive!: () => void;
  const ready = new Promise<void>((resolve) => (arrive = resolve));
  const kit = Object.create(real, {
    config: { get: () => (arrived ? real.config : undefined) },
    ready: { value: ready },
  }) as PrivacyKit;
  let arrived = false;
  return {
    kit,
    arrive() {
      arrived = true;
      arrive();
    },
  };
}

describe('elements on a page whose config arrives later (data-config URL)', () => {
  afterEach(() => {
    delete window.privacyKit;
    resetPrivacyKitForTests();
  });

  it('treat the consent API as not set up until its config is there, then render', async () => {
    const { kit, arrive } = loaderLikeKit();
    window.privacyKit = kit;
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    try {
      expect(getPrivacyKit()).to.equal(undefined);
      const el = await fixture<PrivacyNewsletter>(html`<privacy-newsletter></privacy-newsletter>`);
      const found = whenPrivacyKit();
      arrive();
      expect(await found).to.equal(kit);
      await waitUntil(() => el.shadowRoot?.querySelector('input[type="email"]'), 'the form renders');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('keep waiting, without throwing, when the config never becomes valid', async () => {
    const { kit } = loaderLikeKit();
    window.privacyKit = kit;
    let settled = false;
    void whenPrivacyKit().then(() => (settled = true));
    const el = await fixture(html`<privacy-settings-button></privacy-settings-button>`);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(settled).to.equal(false);
    expect(getPrivacyKit()).to.equal(undefined);
  });
});
