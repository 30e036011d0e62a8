/**
 * How elements find the consent API: one set with `usePrivacyKit()` (npm users), else the
 * page's `window.privacyKit` (script-tag users). Elements never create their own store.
 */
import type { PrivacyKit } from '../core/types.js';

declare global {
  interface Window {
    privacyKit?: PrivacyKit;
  }
}

let provided: PrivacyKit | undefined;
const waiting = new Set<(kit: PrivacyKit) => void>();

/** Binds the elements on this page to a consent instance made with `createConsent()`. */
export function usePrivacyKit(kit: PrivacyKit): void {
  provided = kit;
  for (const fn of waiting) fn(kit);
  waiting.clear();
}

/** The consent API the elements use, or undefined when none is set up yet. */
export function getPrivacyKit(): PrivacyKit | undefined {
  return provided ?? (typeof window === 'undefined' ? undefined : window.privacyKit);
}

/** Resolves with the consent API as soon as one is available. */
export function whenPrivacyKit(): Promise<PrivacyKit> {
  const kit = getPrivacyKit();
  return kit ? Promise.resolve(kit) : new Promise((resolve) => waiting.add(resolve));
}

/** @internal Forget the provided instance (tests). */
export function resetPrivacyKitForTests(): void {
  provided = undefined;
  waiting.clear();
}
