/**
 * Consent receipts for the site's server: queued in localStorage until a 2xx, retried with
 * capped, jittered exponential back-off, idempotent by `receiptId` (the server dedups, so
 * sending one twice is fine; losing one is not).
 */
import type { ConsentReceipt } from './types.js';

/** Runs `fn` after `ms`; returns a cancel function. Injected by tests. */
export type Scheduler = (fn: () => void, ms: number) => () => void;

/** What the queue needs from the page. */
export interface ReceiptEnvironment {
  readonly endpoint: string;
  /** localStorage key, `privacy-kit:receipts:<cookie name>`. */
  readonly key: string;
  readonly storage: Storage | null;
  readonly fetch: typeof fetch;
  readonly schedule: Scheduler;
  readonly random: () => number;
  readonly warn: (message: string) => void;
}

/** The receipt queue of one store. */
export interface ReceiptQueue {
  add(receipt: ConsentReceipt): void;
  /** Sends what is queued; `keepalive` on `pagehide`, so the requests outlive the page. */
  flush(keepalive?: boolean): void;
  destroy(): void;
}

/** Give up waiting for an answer after this long (then retry). */
export const RECEIPT_TIMEOUT = 10_000;
const MAX_DELAY = 5 * 60_000;

type Outcome = 'sent' | 'retry' | 'drop';

/** A queue that sends receipts to `env.endpoint`. Starts by flushing what an earlier page left. */
export function receiptQueue(env: ReceiptEnvironment): ReceiptQueue {
  let memory: ConsentReceipt[] = [];
  // Receipts made here and not yet acknowledged: re-added if another tab's write raced ours away.
  const mine = new Map<string, ConsentReceipt>();
  let attempt = 0;
  let sending = false;
  let cancelRetry: (() => void) | undefined;
  let destroyed = false;

  const load = (): ConsentReceipt[] => {
    try {
      const value: unknown = env.storage ? JSON.parse(env.storage.getItem(env.key) ?? '[]') : memory;
      return Array.isArray(value) ? value.filter((r: ConsentReceipt) => typeof r?.receiptId === 'string') : [];
    } catch {
      return [];
    }
  };
  const save = (list: ConsentReceipt[]) => {
    memory = list;
    try {
      env.storage?.setItem(env.key, JSON.stringify(list));
    } catch {
      // Quota or blocked storage: `memory` and `mine` keep them for this page.
    }
  };
  const queued = () => {
    const list = load();
    const missing = [...mine.values()].filter((r) => !list.some((q) => q.receiptId === r.receiptId));
    if (missing.length) save((list.push(...missing), list));
    return list;
  };
  const settle = (id: string) => {
    mine.delete(id);
    save(load().filter((r) => r.receiptId !== id));
  };

  async function send(receipt: ConsentReceipt, keepalive: boolean): Promise<Outcome> {
    const abort = new AbortController();
    const cancel = env.schedule(() => abort.abort(), RECEIPT_TIMEOUT);
    try {
      const response = await env.fetch(env.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(receipt),
        keepalive,
        signal: abort.signal,
      });
      const { status } = response;
      return status < 300 && status >= 200 ? 'sent' : status === 408 || status === 429 || status >= 500 ? 'retry' : 'drop';
    } catch {
      return 'retry';
    } finally {
      cancel();
    }
  }

  async function flush(keepalive = false): Promise<void> {
    if (destroyed) return;
    if (keepalive) {
      // The page is going away: hand every receipt to the browser at once.
      for (const r of queued()) void send(r, true).then((o) => o !== 'retry' && settle(r.receiptId));
      return;
    }
    if (sending) return;
    sending = true;
    cancelRetry?.();
    cancelRetry = undefined;
    const tried = new Set<string>();
    try {
      for (let r = queued()[0]; r && !destroyed; r = queued().find((q) => !tried.has(q.receiptId))) {
        tried.add(r.receiptId);
        const outcome = await send(r, false);
        if (outcome === 'retry') {
          const delay = Math.min(MAX_DELAY, 1000 * 2 ** attempt++);
          cancelRetry = env.schedule(() => void flush(), delay / 2 + (env.random() * delay) / 2);
          return;
        }
        if (outcome === 'drop') env.warn(`privacy-kit: the server refused consent receipt ${r.receiptId}; dropped`);
        settle(r.receiptId);
        attempt = 0;
      }
    } finally {
      sending = false;
    }
  }

  void flush();
  return {
    add(receipt) {
      mine.set(receipt.receiptId, receipt);
      queued();
      void flush();
    },
    flush: (keepalive) => void flush(keepalive),
    destroy() {
      destroyed = true;
      cancelRetry?.();
    },
  };
}
