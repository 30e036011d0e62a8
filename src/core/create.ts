/** `createConsent()`: the store with its receipt queue (see `store.ts` for the store itself). */
import { receiptQueue } from './receipts.js';
import { createStore, type ConsentOptions } from './store.js';
import type { PrivacyKit } from './types.js';

/**
 * Creates a consent store for a config. Throws `ConfigError` when the config is invalid
 * (validate first with `validateConfig()` to handle that as a value).
 */
export const createConsent = (input: unknown, options: ConsentOptions = {}): PrivacyKit =>
  createStore(input, options, receiptQueue);
