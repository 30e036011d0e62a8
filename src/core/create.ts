/** `createConsent()`: the store with its receipt queue (see `store.ts` for the store itself). */
import { lazyReceiptQueue } from './lazy-receipts.js';
import { createStore, type ConsentOptions } from './store.js';
import type { PrivacyKit } from './types.js';

/**
 * The receipt sender (`receipts.ts`) is a chunk of its own, loaded only when there is a receipt to
 * send: an app whose config has no `sync.endpoint` never downloads it.
 */
const receipts = lazyReceiptQueue(() => import('./receipts.js').then((m) => m.receiptQueue));

/**
 * Creates a consent store for a config. Throws `ConfigError` when the config is invalid
 * (validate first with `validateConfig()` to handle that as a value).
 */
export const createConsent = (input: unknown, options: ConsentOptions = {}): PrivacyKit =>
  createStore(input, options, receipts);
