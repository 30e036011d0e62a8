/**
 * Shared set-up for the consent UI stories: the foundation's sample config and a fresh
 * in-memory store per story, bound to the elements and wired to the preferences dialog.
 */
import { createConsent, memoryStorage } from '../src/core/index.js';
import type { PrivacyKit, PrivacyKitConfig, ServiceConfig } from '../src/core/types.js';
import { connectPreferences, usePrivacyKit } from '../src/elements/index.js';
import { resetPrivacyKitForTests } from '../src/elements/context.js';

/** The sample config of the design: analytics (GA, Adobe), marketing (YouTube). */
export const sampleConfig: PrivacyKitConfig = {
  revision: '2018-06-18',
  language: 'nl',
  privacyPolicyUrl: 'https://www.example.org/privacyverklaring',
  categories: { analytics: {}, marketing: {} },
  services: {
    'google-analytics': {
      category: 'analytics',
      provider: 'Google',
      description: {
        nl: 'Meet hoe bezoekers de website gebruiken.',
        en: 'Measures how visitors use the website.',
      },
      privacyPolicyUrl: 'https://policies.google.com/privacy',
      cookies: [
        { name: '_ga', lifetime: { nl: '2 jaar', en: '2 years' } },
        { name: '_ga_*', lifetime: { nl: '2 jaar', en: '2 years' } },
      ],
      google: { measurementId: 'G-XXXX' },
    },
    'adobe-analytics': {
      category: 'analytics',
      provider: 'Adobe',
      cookies: [{ name: 's_vi', lifetime: { nl: '2 jaar', en: '2 years' } }, 's_cc'],
    },
    youtube: {
      category: 'marketing',
      provider: 'Google (YouTube)',
      description: { nl: 'Video’s van YouTube op onze pagina’s.', en: 'YouTube videos on our pages.' },
      privacyPolicyUrl: 'https://policies.google.com/privacy',
    },
  },
};

/** Twelve services over three categories. */
export const twelveServices: PrivacyKitConfig = {
  revision: 'r12',
  language: 'nl',
  categories: { analytics: {}, marketing: {}, preferences: {} },
  services: Object.fromEntries(
    Array.from({ length: 12 }, (_, i): [string, ServiceConfig] => [
      `service-${i + 1}`,
      {
        category: ['analytics', 'marketing', 'preferences'][i % 3] as string,
        label: `Dienst ${i + 1}`,
        provider: `Aanbieder ${i + 1}`,
        cookies: [{ name: `s${i + 1}_id`, lifetime: { nl: '1 jaar', en: '1 year' } }],
      },
    ]),
  ),
};

let current: { kit: PrivacyKit; stop: () => void } | undefined;

/** A fresh store for `config`, bound to the elements; `before` may decide something first. */
export function storyKit(
  config: PrivacyKitConfig = sampleConfig,
  before?: (kit: PrivacyKit) => void,
  cookie = memoryStorage(),
  gpc = false,
): PrivacyKit {
  current?.stop();
  current?.kit.destroy();
  const kit = createConsent(config, {
    cookies: cookie,
    localStorage: null,
    window: null,
    BroadcastChannel: null,
    navigator: { globalPrivacyControl: gpc },
  });
  before?.(kit);
  usePrivacyKit(kit);
  current = { kit, stop: connectPreferences(kit) };
  return kit;
}

/** A store that already holds a decision on an older revision (the banner asks again). */
export function revisedKit(): PrivacyKit {
  const cookie = memoryStorage();
  const old = createConsent(
    { ...sampleConfig, revision: '2017-01-01' },
    { cookies: cookie, localStorage: null, window: null, BroadcastChannel: null },
  );
  old.update({ categories: { analytics: true } });
  old.destroy();
  return storyKit(sampleConfig, undefined, cookie);
}

/**
 * No consent API on the page, as before a `data-config` URL has answered (or on a page without
 * the script tag): the elements show their waiting or "unavailable" state.
 */
export function noKit(): void {
  current?.stop();
  current?.kit.destroy();
  current = undefined;
  resetPrivacyKitForTests();
  delete window.privacyKit;
}
