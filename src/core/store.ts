/**
 * The consent store: the one owner of the visitor's decision. It reads the cookie once, applies
 * decisions, persists them, tells other tabs, queues receipts and notifies subscribers. The read
 * half lives in `state.ts`, the write half in `writer.ts`; this joins them for `createConsent()`.
 * Every side effect comes from `ConsentOptions`, so tests run several stores side by side.
 */
import { ConfigError, validateConfig } from './config.js';
import { cookieStorage, memoryStorage, type CookieAdapter } from './storage.js';
import { createHolder, readerOf, reasonOf } from './state.js';
import type { PrivacyKit } from './types.js';
import { attachWriter, type ReceiptQueueFactory, type WriterOptions } from './writer.js';

export type { ReceiptQueueFactory } from './writer.js';

/** The page the store works in; every member defaults to the real one (or to nothing in Node). */
export interface ConsentOptions extends WriterOptions {
  /** Where the decision is kept; default the consent cookie (memory when there is no document). */
  readonly cookies?: CookieAdapter;
  readonly now?: () => number;
}

/**
 * `createConsent()` with the receipt queue passed in, so a build can leave the sending code out
 * until there is a receipt to send.
 */
export function createStore(
  input: unknown,
  options: ConsentOptions,
  makeQueue: ReceiptQueueFactory,
): PrivacyKit {
  const result = validateConfig(input);
  if (!result.ok) throw new ConfigError(result.errors);
  const config = result.value;
  const cookies =
    options.cookies ?? (typeof document == 'object' ? cookieStorage(config.cookie) : memoryStorage());
  const holder = createHolder(config, cookies.read(), options.now ?? Date.now);
  // Messages from other tabs reach the writer through its own channel, not through the API.
  const { receive: _receive, ...actions } = attachWriter(holder, cookies, options, makeQueue);
  const kit: PrivacyKit = {
    ...readerOf(holder),
    ...actions,
    ready: Promise.resolve(),
    showPreferences: (opener) => holder.emit('show-preferences', { opener: opener ?? null }),
  };
  const initial = reasonOf(holder);
  if (initial) void kit.ready.then(() => holder.emit('needs-decision', { reason: initial }));
  return kit;
}
