/**
 * A receipt queue that loads the sending code (`receipts.ts`, ~0.8 KB brotli) only when there is
 * something to send: a receipt an earlier page left in storage, or a new decision. Used by
 * `createConsent()` and by the script-tag loader's runtime (`src/runtime.ts`): sites without
 * `sync` never download the sender.
 */
import type { ReceiptQueue } from './receipts.js';
import type { ConsentReceipt } from './types.js';
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
    /** Receipts of this page waiting for the sender (also kept in storage, when there is one). */
    let held: ConsentReceipt[] = [];
    const start = () =>
      (loading ??= load().then(
        (make) => {
          if (destroyed) return;
          real = make(endpoint, key, storage, fetcher, schedule, warn, page);
          for (const receipt of held) real.add(receipt);
          held = [];
          page?.removeEventListener('online', retry);
        },
        () => {
          // A failed import is not cached: the next receipt, flush or reconnection asks again.
          loading = undefined;
          warn('privacy-kit: could not load the receipt sender; receipts stay queued');
        },
      ));
    // Offline when the visitor decided, the import failed: coming back online retries it.
    const retry = () => void start();
    page?.addEventListener('online', retry);
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
          // Quota or blocked storage: `held` keeps it for this page.
        }
        // Already in storage too; the real queue deduplicates by receiptId.
        if (real) return real.add(receipt);
        held.push(receipt);
        retry();
      },
      flush: (keepalive) => (real ? real.flush(keepalive) : retry()),
      destroy() {
        destroyed = true;
        page?.removeEventListener('online', retry);
        real?.destroy();
      },
    };
  };
