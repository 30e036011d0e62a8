/** Shared set-up of the core tests: the minimal site config and a store with no page attached. */
import { createConsent, memoryStorage, type ConsentOptions, type PrivacyKit } from '../../src/core/index.js';

/** The minimal config of the script-tag contract (DESIGN.md). */
export const minimalConfig = {
  revision: '2018-06-18',
  language: 'nl',
  categories: { analytics: {}, marketing: {} },
  services: {
    'google-analytics': { category: 'analytics', google: { measurementId: 'G-XXXX' } },
    'adobe-analytics': { category: 'analytics' },
  },
} as const;

const created: PrivacyKit[] = [];

/** A store in its own sandbox (memory cookie, no storage, no channel) unless options say otherwise. */
export function isolatedStore(config: unknown = minimalConfig, options: ConsentOptions = {}): PrivacyKit {
  const kit = createConsent(config, {
    cookies: memoryStorage(),
    document: null,
    localStorage: null,
    window: null,
    BroadcastChannel: null,
    navigator: null,
    ...options,
  });
  created.push(kit);
  return kit;
}

/** Destroys every store made by the tests so far. */
export function destroyStores(): void {
  for (const kit of created.splice(0)) kit.destroy();
}

/** Collects `console.warn` calls until `restore()`. */
export function captureWarnings(): { messages: string[]; restore(): void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => void messages.push(args.map(String).join(' '));
  return { messages, restore: () => void (console.warn = original) };
}

export const DAY = 864e5;

/** The minimal config plus an embed service (YouTube, marketing). */
export const withServices = {
  ...minimalConfig,
  services: { ...minimalConfig.services, youtube: { category: 'marketing' } },
};
