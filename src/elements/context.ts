/**
 * How elements find the consent API: one set with `usePrivacyKit()` (npm users), else the
 * page's `window.privacyKit` (script-tag users). Elements never create their own store.
 */
import type { PagePrivacyKit, PrivacyKit, ResolvedConfig } from '../core/types.js';

declare global {
  interface Window {
    /** The page's consent API, set by the script-tag loader (`privacy-kit.js`). */
    privacyKit?: PagePrivacyKit;
  }
}

/**
 * The consent API the elements use: the one given to `usePrivacyKit()`, or the page's
 * `window.privacyKit` once its config is read (its actions may return a Promise).
 */
export type BoundPrivacyKit = PrivacyKit | (PagePrivacyKit & { readonly config: ResolvedConfig });

let provided: PrivacyKit | undefined;
const waiting = new Set<(kit: PrivacyKit) => void>();

/** Binds the elements on this page to a consent instance made with `createConsent()`. */
export function usePrivacyKit(kit: PrivacyKit): void {
  provided = kit;
  for (const fn of waiting) fn(kit);
  waiting.clear();
}

/** The consent API the elements use, or undefined when none is set up yet. */
export function getPrivacyKit(): BoundPrivacyKit | undefined {
  const kit = announced();
  // The script-tag loader defines window.privacyKit before a `data-config` URL has arrived; until
  // then it has no config to render from, so elements treat it as not set up yet.
  return kit?.config ? (kit as BoundPrivacyKit) : undefined;
}

function announced(): PrivacyKit | PagePrivacyKit | undefined {
  return provided ?? (typeof window === 'undefined' ? undefined : window.privacyKit);
}

/** Resolves with the consent API as soon as one is available and has its config. */
export function whenPrivacyKit(): Promise<BoundPrivacyKit> {
  const kit = getPrivacyKit();
  if (kit) return Promise.resolve(kit);
  const pending = announced();
  const later = new Promise<BoundPrivacyKit>((resolve) => waiting.add(resolve));
  if (!pending) return later;
  // An invalid config never gets one: `ready` resolves, the elements keep waiting (render nothing).
  return pending.ready.then(() => getPrivacyKit() ?? later);
}

/** @internal Forget the provided instance (tests). */
export function resetPrivacyKitForTests(): void {
  provided = undefined;
  waiting.clear();
}
