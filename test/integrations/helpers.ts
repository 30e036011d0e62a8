/** Test helpers: a real consent store per test, with memory storage and no cross-tab side effects. */
import { createConsent, memoryStorage, type CookieAdapter, type PrivacyKit } from '../../src/core/index.js';
import { waitUntil } from '../wait.js';

/** The sample config of the design document, plus a marketing embed. */
export const CONFIG = {
  revision: '2018-06-18',
  categories: { analytics: {}, marketing: {} },
  services: {
    'google-analytics': { category: 'analytics', google: { measurementId: 'G-TEST1' } },
    'adobe-analytics': { category: 'analytics' },
    youtube: { category: 'marketing' },
  },
};

/** Where the scripts of blocked-content tests record that they ran. */
export interface Recorder {
  ran: string[];
}

declare global {
  interface Window {
    __ran?: string[];
  }
}

/** A store on `cookies` (shared between calls to simulate a reload). */
export function makeKit(config: unknown = CONFIG, cookies: CookieAdapter = memoryStorage()): PrivacyKit {
  return createConsent(config, {
    cookies,
    document: null,
    window: null,
    localStorage: null,
    BroadcastChannel: null,
    navigator: null,
  });
}

/** Runs `fn` with console.warn captured; returns the messages. */
export async function captureWarnings(fn: () => unknown): Promise<string[]> {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void messages.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return messages;
}

/** Fresh `dataLayer`/`gtag` for each test. */
export function resetGoogleGlobals(): void {
  delete window.dataLayer;
  delete window.gtag;
  for (const key of Object.keys(window))
    if (key.startsWith('ga-disable-')) delete (window as unknown as Record<string, unknown>)[key];
}

/** The gtag commands on the dataLayer as plain arrays (entries that are Arguments objects). */
export function gtagCommands(): unknown[][] {
  return (window.dataLayer ?? [])
    .filter((e) => Object.prototype.toString.call(e) === '[object Arguments]')
    .map((e) => Array.from(e as IArguments));
}

/** Names the blocked test scripts recorded, in the order they ran. */
export const ranScripts = (): string[] => window.__ran ?? [];

/**
 * Appends an always-granted (`necessary`) blocked script and waits for it: blocked content before
 * it has run by then, in document order, so "nothing ran" is known without a timer. Give it the
 * page's `nonce` when blocked content was installed with one.
 */
export async function settleBlocked(root: Element, nonce?: string): Promise<void> {
  const name = 'sentinel-' + Math.random();
  const sentinel = document.createElement('script');
  if (nonce) sentinel.nonce = nonce;
  sentinel.type = 'text/plain';
  sentinel.dataset.consent = 'necessary';
  sentinel.text = `(window.__ran ||= []).push(${JSON.stringify(name)});`;
  root.append(sentinel);
  await waitUntil(() => ranScripts().includes(name), 'the necessary sentinel ran');
  window.__ran = ranScripts().filter((n) => n !== name);
}
