/**
 * Consent receipts for the site's server: queued in localStorage until a 2xx, retried with
 * capped, jittered exponential back-off, idempotent by `receiptId` (the server dedups, so
 * sending one twice is fine; losing one is not).
 */
import type { ConsentReceipt } from './types.js';

/** Runs `fn` after `ms`; returns a cancel function. Injected by tests. */
export type Scheduler = (fn: () => void, ms: number) => () => void;

/** The receipt queue of one store. */
export interface ReceiptQueue {
  add(receipt: ConsentReceipt): void;
  /** Sends what is queued; `keepalive` on `pagehide`, so the requests outlive the page. */
  flush(keepalive?: boolean): void;
  destroy(): void;
}

/** Give up waiting for an answer after this long (then retry). */
export const RECEIPT_TIMEOUT = 10_000;

/**
 * Answers that say this receipt can never be stored (malformed, too large): dropped with a warning.
 * Anything else that is not a 2xx — a 404 or 401 while an endpoint is being deployed or
 * misconfigured, 429, 5xx — keeps the receipt and retries: a lost receipt is lost proof.
 */
const REFUSED = [400, 413, 422];

/** Where `pagehide` and `online` come from: the window, in a page. */
export type PageEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/**
 * A queue that POSTs receipts to `endpoint`, kept under `key` in `storage` (memory when null).
 * Starts by sending what an earlier page left. `schedule` defaults to `setTimeout`.
 */
export function receiptQueue(
  endpoint: string,
  key: string,
  storage: Storage | null,
  fetcher: typeof fetch,
  schedule: Scheduler = (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
  warn: (message: string) => void,
  page?: PageEvents | null,
): ReceiptQueue {
  let memory: ConsentReceipt[] = [];
  // Receipts made here and not yet acknowledged: re-added if another tab's write raced ours away.
  const mine = new Map<string, ConsentReceipt>();
  let attempt = 0;
  let sending = false;
  let cancelRetry: (() => void) | undefined;
  let destroyed = false;

  const load = (): ConsentReceipt[] => {
    try {
      const value: unknown = storage ? JSON.parse(storage.getItem(key) ?? '[]') : memory;
      // An entry that is no receipt (another script, an old format) would stop the queue for good.
      return Array.isArray(value)
        ? value.filter((r): r is ConsentReceipt => typeof (r as ConsentReceipt | null)?.receiptId == 'string')
        : [];
    } catch {
      return [];
    }
  };
  const save = (list: ConsentReceipt[]) => {
    memory = list;
    try {
      storage?.setItem(key, JSON.stringify(list));
    } catch {
      // Quota or blocked storage: `memory` and `mine` keep them for this page.
    }
  };
  const queued = () => {
    const list = load();
    const missing = [...mine.values()].filter((r) => !list.some((q) => q.receiptId === r.receiptId));
    if (missing.length) save(list.concat(missing));
    return list.concat(missing);
  };
  const settle = (id: string) => {
    mine.delete(id);
    save(load().filter((r) => r.receiptId !== id));
  };

  /** Seconds the server asked us to wait (`Retry-After`), for the next retry. */
  let retryAfter = 0;

  /** true: done (2xx, or refused for good); false: try again later. */
  async function send(receipt: ConsentReceipt, keepalive: boolean): Promise<boolean> {
    const abort = new AbortController();
    const cancel = schedule(() => abort.abort(), RECEIPT_TIMEOUT);
    try {
      const { status, headers } = await fetcher(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(receipt),
        keepalive,
        signal: abort.signal,
      });
      if (status > 199 && status < 300) return true;
      if (REFUSED.includes(status)) {
        warn(`privacy-kit: the server refused consent receipt ${receipt.receiptId} (${status}); dropped`);
        return true;
      }
      retryAfter = Math.min(3600, Number(headers.get('retry-after')) || 0);
      return false;
    } catch {
      return false;
    } finally {
      cancel();
    }
  }

  async function flush(keepalive?: boolean): Promise<void> {
    if (destroyed) return;
    if (keepalive) {
      // The page is going away: hand every receipt to the browser at once.
      for (const r of queued()) void send(r, true).then((done) => done && settle(r.receiptId));
      return;
    }
    if (sending) return;
    sending = true;
    cancelRetry?.();
    const tried = new Set<string>();
    try {
      for (let r = queued()[0]; r && !destroyed; r = queued().find((q) => !tried.has(q.receiptId))) {
        tried.add(r.receiptId);
        if (!(await send(r, false))) {
          // Exponential from 1 s, capped at 5 min, jittered into the upper half of the window;
          // never sooner than the server's Retry-After (up to an hour).
          const backoff = (Math.min(3e5, 1000 * 2 ** attempt++) * (1 + Math.random())) / 2;
          const delay = Math.max(backoff, retryAfter * 1000);
          retryAfter = 0;
          cancelRetry = schedule(flush, delay);
          return;
        }
        settle(r.receiptId);
        attempt = 0;
      }
    } finally {
      sending = false;
    }
  }

  void flush();
  // `pagehide`: the page is going away, every receipt goes to the browser at once; `online`: retry now.
  const pageEvents = ['pagehide', 'online'];
  const onPageEvent = (e: Event) => void flush(e.type == 'pagehide');
  for (const type of pageEvents) page?.addEventListener(type, onPageEvent);
  return {
    add(receipt) {
      mine.set(receipt.receiptId, receipt);
      queued(); // Stored before any request: a reload or a crash must not lose it.
      void flush();
    },
    flush: (keepalive) => void flush(keepalive),
    destroy() {
      destroyed = true;
      cancelRetry?.();
      for (const type of pageEvents) page?.removeEventListener(type, onPageEvent);
    },
  };
}
