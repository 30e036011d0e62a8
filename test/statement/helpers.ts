/**
 * Test set-up for the statement tests: a real consent store (`createConsent`) kept inside the
 * test (memory cookie, no other tabs), bound to the elements with `usePrivacyKit`, and helpers
 * to read what a visitor sees inside shadow roots.
 */
import { createConsent, memoryStorage } from '../../src/core/index.js';
import type { ConsentState, PrivacyKit, PrivacyKitConfig } from '../../src/core/types.js';
import { resetPrivacyKitForTests, usePrivacyKit } from '../../src/elements/context.js';
import type { PrivacyStatement } from '../../src/elements/privacy-statement/index.js';
import { validateStatement } from '../../src/elements/privacy-statement/document.js';
import { expect } from '@open-wc/testing';

/** The foundation's config: GA and Adobe (analytics), YouTube (marketing). */
export const kopgroepConfig: PrivacyKitConfig = {
  revision: '2018-06-18',
  language: 'nl',
  categories: {
    analytics: {
      label: { nl: 'Statistieken', en: 'Statistics' },
      description: { nl: 'Bezoek meten', en: 'Measuring visits' },
    },
    marketing: {},
  },
  services: {
    'google-analytics': {
      category: 'analytics',
      label: 'Google Analytics',
      provider: 'Google',
      cookies: [{ name: '_ga', lifetime: { nl: '2 jaar', en: '2 years' } }, '_gid'],
      google: { measurementId: 'G-XXXX' },
    },
    'adobe-analytics': {
      category: 'analytics',
      label: 'Adobe Analytics',
      provider: 'Adobe',
      cookies: ['s_vi'],
    },
    youtube: {
      category: 'marketing',
      label: 'YouTube',
      provider: 'Google',
      description: { nl: 'Video’s van YouTube', en: 'Videos from YouTube' },
    },
  },
};

/**
 * Time allowed for a test that runs axe over the whole statement: axe checks contrast through
 * nested shadow roots, which takes seconds on a busy two-core CI machine (mocha's default is 10 s).
 */
export const AXE_TEST_TIMEOUT_MS = 45_000;

/** The part of mocha's suite context the tests use (`this` inside `describe(…, function () {})`). */
export interface SuiteContext {
  timeout(ms: number): unknown;
}

let kits: PrivacyKit[] = [];

/** A consent store for `config` bound to the elements; destroyed by `cleanUp()`. */
export function useKit(config: PrivacyKitConfig = kopgroepConfig): PrivacyKit {
  const kit = createConsent(config, {
    cookies: memoryStorage(),
    localStorage: null,
    window: null,
    BroadcastChannel: null,
    document: null,
    navigator: { globalPrivacyControl: false, userAgent: 'test' },
  });
  kits.push(kit);
  usePrivacyKit(kit);
  return kit;
}

/**
 * A store bound to the elements whose last stored decision, `old`, was made under an earlier
 * revision of the statement: none is in force now. Destroyed by `cleanUp()`.
 */
export function useKitAfterRevisionChange(): { kit: PrivacyKit; old: ConsentState } {
  const options = { cookies: memoryStorage(), localStorage: null, window: null, BroadcastChannel: null };
  const before = createConsent({ ...kopgroepConfig, revision: 'older' }, options);
  const old = before.acceptAll();
  before.destroy();
  const kit = createConsent(kopgroepConfig, options);
  kits.push(kit);
  usePrivacyKit(kit);
  return { kit, old };
}

/** A minimal valid statement: one section holding one paragraph; `extra` replaces top-level fields. */
export function minimalStatement(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'privacy-statement/1',
    revision: 'r1',
    updated: '2024-03-01',
    language: 'nl',
    title: 'Privacyverklaring',
    sections: [{ id: 'een', heading: 'Een', blocks: [{ type: 'paragraph', text: 'Tekst.' }] }],
    ...extra,
  };
}

/** A deep copy of `doc` with `edit` applied. */
// Tests break documents in arbitrary places; a typed path helper would hide what each test does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function editedCopy(doc: unknown, edit: (doc: any) => void): unknown {
  const copy = structuredClone(doc);
  edit(copy);
  return copy;
}

/** The problems `validateStatement` reports for `input` (`path: message`); it must refuse it. */
export function errorsOf(input: unknown): string[] {
  const result = validateStatement(input);
  expect(result.ok, 'expected the document to be refused').to.equal(false);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

/**
 * A URL the element can `fetch` that serves `value` as JSON. The test server turns every `.json`
 * file into a JavaScript module (for imports), so served files cannot stand in for a CMS.
 */
export function jsonUrl(value: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));
}

/** Destroys the stores and forgets the bound one. */
export function cleanUp(): void {
  for (const kit of kits) kit.destroy();
  kits = [];
  resetPrivacyKitForTests();
  document.documentElement.setAttribute('lang', 'en');
}

/** Text as a visitor reads it (whitespace collapsed), through nested shadow roots. */
export function visibleText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    if (node instanceof HTMLElement && (node.localName === 'style' || node.localName === 'script')) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Normalises text for comparison: collapsed whitespace. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** All elements matching `selector` in the statement's shadow root. */
export function shadowAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...(host.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** One element in `host`'s shadow root; fails loudly when missing. */
export function shadowOne<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const el = host.shadowRoot?.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector} in <${host.localName}>`);
  return el;
}

/**
 * Creates a `<privacy-statement>` with `setup` applied, attaches it, and resolves once it
 * fired `privacy-statement-load` or `privacy-error` (whichever came), with that event.
 */
export async function mountStatement(
  setup: (el: PrivacyStatement) => void,
  parent: HTMLElement = document.body,
): Promise<{ el: PrivacyStatement; event: CustomEvent }> {
  const el = document.createElement('privacy-statement');
  setup(el);
  const event = new Promise<CustomEvent>((resolve) => {
    const done = (e: Event) => resolve(e as CustomEvent);
    el.addEventListener('privacy-statement-load', done, { once: true });
    el.addEventListener('privacy-error', done, { once: true });
  });
  parent.append(el);
  const fired = await event;
  await el.updateComplete;
  // Nested live elements render in their own update cycle.
  await Promise.all(
    shadowAll(el, 'privacy-cookie-table, privacy-consent-id').map(
      (c) => (c as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete,
    ),
  );
  return { el, event: fired };
}

/** Service → status text, as the table shows it. */
export function statuses(table: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of shadowAll(table, 'tbody tr')) {
    out[row.getAttribute('data-service') ?? ''] = squash(row.querySelector('td:last-child')?.textContent);
  }
  return out;
}

/** The decoded parts of a mailto: link. */
export function parseMailto(href: string): { to: string; subject: string; body: string } {
  const url = new URL(href);
  return {
    to: url.pathname,
    subject: url.searchParams.get('subject') ?? '',
    body: url.searchParams.get('body') ?? '',
  };
}
