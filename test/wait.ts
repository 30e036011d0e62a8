import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * `waitUntil` with a timeout that survives a loaded CI machine (two cores, Chromium, servers):
 * the condition is still polled often, only the give-up point is later than open-wc's 1 s.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { timeout?: number; interval?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { interval: 20, timeout: 8000, ...options });
}
