/**
 * Test set-up for the element tests: a real consent store (`createConsent`) with its side
 * effects kept inside the test (memory cookie, no other tabs unless asked), bound to the
 * elements with `usePrivacyKit`.
 */
import { fixture, html } from '@open-wc/testing';
import { createConsent, memoryStorage, type ConsentOptions } from '../../src/core/index.js';
import type { PrivacyKit, PrivacyKitConfig, ServiceConfig } from '../../src/core/types.js';
import { resetPrivacyKitForTests, usePrivacyKit } from '../../src/elements/context.js';
import type { PrivacyBanner } from '../../src/elements/privacy-banner/index.js';
import type { PrivacyPreferences } from '../../src/elements/privacy-preferences/index.js';
import { resetI18nextForTests } from '../../src/i18n/i18n.js';

/** The foundation's config: analytics (GA, Adobe) and marketing (YouTube). */
export const sampleConfig: PrivacyKitConfig = {
  revision: '2018-06-18',
  language: 'nl',
  privacyPolicyUrl: 'https://example.org/privacy',
  categories: { analytics: {}, marketing: {} },
  services: {
    'google-analytics': {
      category: 'analytics',
      provider: 'Google',
      privacyPolicyUrl: 'https://policies.google.com/privacy',
      cookies: [{ name: '_ga', lifetime: { nl: '2 jaar', en: '2 years' } }, '_gid'],
      google: { measurementId: 'G-XXXX' },
    },
    'adobe-analytics': { category: 'analytics', provider: 'Adobe' },
    youtube: {
      category: 'marketing',
      provider: 'Google (YouTube)',
      description: { nl: 'Video’s van YouTube', en: 'Videos from YouTube' },
      privacyPolicyUrl: 'https://policies.google.com/privacy',
    },
  },
};

/** A config with twelve services over three categories. */
export function twelveServicesConfig(): PrivacyKitConfig {
  const services: Record<string, ServiceConfig> = {};
  const categories = ['analytics', 'marketing', 'preferences'];
  for (let i = 1; i <= 12; i++) {
    services[`service-${i}`] = {
      category: categories[i % 3] as string,
      label: `Service ${i}`,
      provider: `Provider ${i}`,
      cookies: [{ name: `s${i}_id`, lifetime: '1 year' }],
    };
  }
  return {
    revision: 'r12',
    language: 'nl',
    categories: { analytics: {}, marketing: {}, preferences: {} },
    services,
  };
}

let kits: PrivacyKit[] = [];

/** Creates a store for `config`, binds the elements to it, and remembers it for `cleanUp()`. */
export function useKit(config: PrivacyKitConfig = sampleConfig, options: ConsentOptions = {}): PrivacyKit {
  const kit = createConsent(config, {
    cookies: memoryStorage(),
    localStorage: null,
    window: null,
    BroadcastChannel: null,
    navigator: { globalPrivacyControl: false, userAgent: 'test' },
    ...options,
  });
  kits.push(kit);
  usePrivacyKit(kit);
  return kit;
}

/** Destroys the stores, forgets the bound one, drops i18next and resets the page language. */
export function cleanUp(): void {
  for (const kit of kits) kit.destroy();
  kits = [];
  resetPrivacyKitForTests();
  resetI18nextForTests();
  document.documentElement.setAttribute('lang', 'en');
  for (const el of document.querySelectorAll('privacy-preferences, privacy-announcer')) el.remove();
}

/** The element inside `host`'s shadow root matching `selector` (fails loudly when missing). */
export function $<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const el = host.shadowRoot?.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector} in <${host.localName}>`);
  return el;
}

/** Visible text of an element's shadow root, whitespace collapsed. */
export function shadowText(host: Element): string {
  return (host.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element that has focus, looking through shadow roots. */
export function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The text the page's live region announced last. */
export function announced(): string {
  return (
    document.querySelector('privacy-announcer')?.shadowRoot?.querySelector('[role="status"]')?.textContent ??
    ''
  ).trim();
}

/** A `<privacy-banner>` (plain, `closable` or `position="top"`), rendered. Import the element first. */
export async function mountBanner(variant: '' | 'closable' | 'top' = ''): Promise<PrivacyBanner> {
  const el = await fixture<PrivacyBanner>(
    variant === 'closable'
      ? html`<privacy-banner closable></privacy-banner>`
      : variant === 'top'
        ? html`<privacy-banner position="top"></privacy-banner>`
        : html`<privacy-banner></privacy-banner>`,
  );
  await el.updateComplete;
  return el;
}

/**
 * Waits until the element's entrance animation has ended: axe run mid-fade measures the colours
 * half-way (2.3:1 in dark mode once, under load) and reports a contrast failure that is not there.
 */
export async function animationsDone(el: Element): Promise<void> {
  await Promise.all(el.shadowRoot?.getAnimations().map((a) => a.finished) ?? []);
}

/** A closed `<privacy-preferences>`, rendered. Import the element first. */
export async function mountDialog(): Promise<PrivacyPreferences> {
  const el = await fixture<PrivacyPreferences>(html`<privacy-preferences></privacy-preferences>`);
  await el.updateComplete;
  return el;
}

/** Every switch of the dialog, in order. */
export const switches = (el: PrivacyPreferences): HTMLInputElement[] => [
  ...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('[role="switch"]') ?? []),
];

/** The dialog's switch with this attribute (`data-service="youtube"`). */
export const toggle = (el: PrivacyPreferences, attr: string): HTMLInputElement =>
  $<HTMLInputElement>(el, `[role="switch"][${attr}]`);

/** The trimmed texts of everything matching `selector` in `el`'s shadow root. */
export const texts = (el: Element, selector: string): (string | undefined)[] =>
  [...(el.shadowRoot?.querySelectorAll(selector) ?? [])].map((e) => e.textContent?.trim());

/** Category or service name → switched on. */
export const checkedMap = (el: PrivacyPreferences): Record<string, boolean> =>
  Object.fromEntries(switches(el).map((s) => [s.dataset['category'] ?? s.dataset['service'], s.checked]));

/** The element at a point, looking through shadow roots. */
export function deepElementFromPoint(x: number, y: number): Element | null {
  let el = document.elementFromPoint(x, y);
  while (el?.shadowRoot) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}

/**
 * Can a visitor get to `el` — scrolled into view, it lies inside the viewport and nothing covers
 * its middle? (What "reachable" means at 200 % zoom.)
 */
export function isReachable(el: Element): boolean {
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = el.getBoundingClientRect();
  const inside = box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight;
  const hit = deepElementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return inside && !!hit && (hit === el || el.contains(hit));
}
