/** `createConsent()`: validation, then the store (`store.ts`) with its receipt queue. */
import { ConfigError, validateConfig } from './config.js';
import { receiptQueue } from './receipts.js';
import { createStore, type ConsentOptions } from './store.js';
import type { PrivacyKit } from './types.js';

/**
 * Creates a consent store for a config. Throws `ConfigError` when the config is invalid
 * (validate first with `validateConfig()` to handle that as a value).
 */
export function createConsent(input: unknown, options: ConsentOptions = {}): PrivacyKit {
  const result = validateConfig(input);
  if (!result.ok) throw new ConfigError(result.errors);
  return createStore(result.value, options, receiptQueue);
}
