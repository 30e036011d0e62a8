/**
 * The decision code the script-tag loader imports when it is needed (`dist/ui/privacy-kit-runtime.js`):
 * the config validator, the write half of the store and the cookie cleaner. The receipt sender is
 * a further chunk, imported only when there is a receipt to send.
 */
import { lazyReceiptQueue } from './core/lazy-receipts.js';
import type { ConsentHolder } from './core/state.js';
import { cookieStorage } from './core/storage.js';
import type { PrivacyKit } from './core/types.js';
import { attachWriter, type ConsentWriter } from './core/writer.js';
import { installCookieCleaner } from './integrations/cookie-cleaner.js';

export { formatErrors, validateConfig } from './core/config.js';
export { cleanRefused } from './integrations/cookie-cleaner.js';

/** Makes the page's consent decidable: actions, other tabs, receipts, cookie clearing on withdrawal. */
export function attach(holder: ConsentHolder, kit: PrivacyKit): ConsentWriter {
  const writer = attachWriter(
    holder,
    cookieStorage(holder.config.cookie),
    {},
    lazyReceiptQueue(() => import('./core/receipts.js').then((m) => m.receiptQueue)),
  );
  installCookieCleaner(kit);
  return writer;
}
