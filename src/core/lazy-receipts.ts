/**
 * A receipt queue that loads the sending code (`receipts.ts`, ~0.5 KB brotli) only when there is
 * something to send: a receipt an earlier page left in storage, or a new decision. Used by the
 * script-tag loader's runtime (`src/runtime.ts`): sites without `sync` never download the sender.
 */
import type { ReceiptQueue } from './receipts.js';
import type { ReceiptQueueFactory } from './writer.js';
import type { ConsentReceipt } from './types.js';

/**
 * A factory like `receiptQueue` that defers to the one `load()` resolves to. A new receipt is
 * written to storage before anything loads, so a reload or a crash meanwhile does not lose it
 * (the next page sends it); once loaded, the real queue takes over and sends what is queued.
 */
export const lazyReceiptQueue =
  (load: () => Promise<ReceiptQueueFactory>): ReceiptQueueFactory =>
  (endpoint, key, storage, fetcher, schedule, warn): ReceiptQueue => {
    const pending: ConsentReceipt[] = [];
    let real: ReceiptQueue | undefined;
    let loading = false;
    let destroyed = false;
    const start = () => {
      if (loading) return;
      loading = true;
      load().then(
        (make) => {
          if (destroyed) return;
          real = make(endpoint, key, storage, fetcher, schedule, warn);
          // Already in storage too; the real queue deduplicates by receiptId.
          pending.forEach((r) => real!.add(r));
        },
        () => warn('privacy-kit: could not load the receipt sender; receipts stay queued'),
      );
    };
    let left: string | null = null;
    try {
      left = storage?.getItem(key) ?? null;
    } catch {
      // Blocked storage: nothing left by an earlier page.
    }
    if (left && left != '[]') start();
    return {
      add(receipt) {
        if (real) return real.add(receipt);
        pending.push(receipt);
        try {
          const list: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
          storage?.setItem(key, JSON.stringify((Array.isArray(list) ? list : []).concat(receipt)));
        } catch {
          // Quota or blocked storage: `pending` keeps it for this page.
        }
        start();
      },
      flush: (keepalive) => real?.flush(keepalive),
      destroy() {
        destroyed = true;
        real?.destroy();
      },
    };
  };
