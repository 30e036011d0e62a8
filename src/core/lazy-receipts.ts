/**
 * A receipt queue that loads the sending code (`receipts.ts`, ~0.8 KB brotli) only when there is
 * something to send: a receipt an earlier page left in storage, or a new decision. Used by
 * `createConsent()` and by the script-tag loader's runtime (`src/runtime.ts`): sites without
 * `sync` never download the sender.
 */
import type { ReceiptQueue } from './receipts.js';
import type { ReceiptQueueFactory } from './writer.js';

/**
 * A factory like `receiptQueue` that defers to the one `load()` resolves to. A new receipt is
 * written to storage before anything loads, so a reload or a crash meanwhile does not lose it
 * (the next page sends it); once loaded, the real queue takes over and sends what is queued.
 */
export const lazyReceiptQueue =
  (load: () => Promise<ReceiptQueueFactory>): ReceiptQueueFactory =>
  (endpoint, key, storage, fetcher, schedule, warn, page): ReceiptQueue => {
    let real: ReceiptQueue | undefined;
    let loading: Promise<void> | undefined;
    let destroyed = false;
    const start = () =>
      (loading ??= load().then(
        (make) => {
          if (!destroyed) real = make(endpoint, key, storage, fetcher, schedule, warn, page);
        },
        () => warn('privacy-kit: could not load the receipt sender; receipts stay queued'),
      ));
    try {
      if ((storage?.getItem(key) ?? '[]') != '[]') void start();
    } catch {
      // Blocked storage: nothing left by an earlier page.
    }
    return {
      add(receipt) {
        try {
          const list: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
          storage?.setItem(key, JSON.stringify((Array.isArray(list) ? list : []).concat(receipt)));
        } catch {
          // Quota or blocked storage: the closure below keeps it for this page.
        }
        // Already in storage too; the real queue deduplicates by receiptId.
        void start().then(() => real?.add(receipt));
      },
      flush: (keepalive) => real?.flush(keepalive),
      destroy() {
        destroyed = true;
        real?.destroy();
      },
    };
  };
