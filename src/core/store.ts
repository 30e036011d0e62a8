/**
 * The consent store: the one owner of the visitor's decision. It reads the cookie once, applies
 * decisions, persists them, tells other tabs, queues receipts and notifies subscribers.
 * Every side effect comes from `ConsentOptions`, so tests run several stores side by side.
 */
import { ConfigError, validateConfig } from './config.js';
import { decide, diffConsent, everything, isGrantedIn, needsDecisionReason } from './consent.js';
import { decodeConsent, encodeConsent } from './cookie-codec.js';
import { gpcRefusals, type PrivacySignals } from './gpc.js';
import type { receiptQueue, Scheduler } from './receipts.js';
import { cookieStorage, memoryStorage, type CookieAdapter } from './storage.js';
import { openSync, type SyncMessage } from './sync.js';
import type {
  ConsentChange,
  ConsentChoice,
  ConsentEvents,
  ConsentState,
  DecisionOptions,
  PrivacyKit,
} from './types.js';

/** The page the store works in; every member defaults to the real one (or to nothing in Node). */
export interface ConsentOptions {
  /** Receives `privacy-consent-change`; `null` for none. */
  readonly document?: Pick<EventTarget, 'dispatchEvent'> | null;
  /** Where the decision is kept; default the consent cookie (memory when there is no document). */
  readonly cookies?: CookieAdapter;
  /** Receipt queue and the sync fallback; `null` for none. */
  readonly localStorage?: Storage | null;
  /** Source of `storage`, `pagehide` and `online` events; `null` for none. */
  readonly window?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** `null` forces the `storage` event fallback. */
  readonly BroadcastChannel?: typeof BroadcastChannel | null;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly navigator?: (PrivacySignals & { readonly userAgent?: string }) | null;
  readonly schedule?: Scheduler;
}

type Listener<K extends keyof ConsentEvents> = (detail: ConsentEvents[K]) => void;

/** The option when given (`null` included), else the page's own. */
const pick = <T>(value: T | undefined, fallback: () => T): T => {
  try {
    return value === undefined ? fallback() : value;
  } catch {
    return null as T; // Reading `localStorage` throws when the visitor blocks site data.
  }
};

/** Makes the receipt queue of a store; `receiptQueue` itself, or the loader's lazy stand-in. */
export type ReceiptQueueFactory = typeof receiptQueue;

/**
 * `createConsent()` with the receipt queue passed in, so the script-tag loader can leave the
 * sending code out of its bundle (it loads it when there is a receipt to send).
 */
export function createStore(
  input: unknown,
  options: ConsentOptions,
  makeQueue: ReceiptQueueFactory,
): PrivacyKit {
  const result = validateConfig(input);
  if (!result.ok) throw new ConfigError(result.errors);
  const config = result.value;
  const g = globalThis as Partial<typeof globalThis>;
  const doc = pick(options.document, () => g.document ?? null);
  const win = pick(options.window, () => g.window ?? null);
  const nav = pick(options.navigator, () => g.navigator ?? null);
  const storage = pick(options.localStorage, () => g.localStorage ?? null);
  const now = options.now ?? Date.now;
  const warn = (m: string) => console.warn(m);
  // randomUUID exists only in secure contexts; a plain-http site still needs ids.
  const uuid = () =>
    crypto.randomUUID?.() ??
    '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
      (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
    );
  const schedule: Scheduler =
    options.schedule ??
    ((fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    });
  const cookies = options.cookies ?? (g.document ? cookieStorage(config.cookie, warn) : memoryStorage());
  const listeners = new Map<keyof ConsentEvents, Set<Listener<never>>>();

  const raw = cookies.read();
  const decoded = raw === undefined ? undefined : decodeConsent(raw);
  let stored: ConsentState | null = decoded?.ok ? decoded.value : null;
  let invalid = decoded?.ok === false;

  const reason = () => (stored ? needsDecisionReason(stored, config, now()) : invalid ? 'invalid' : 'none');
  const current = () => (reason() ? null : stored);

  function emit<K extends keyof ConsentEvents>(event: K, detail: ConsentEvents[K]): void {
    for (const fn of [...(listeners.get(event) ?? [])]) {
      try {
        (fn as Listener<K>)(detail);
      } catch (error) {
        console.error(error); // One broken subscriber must not silence the others.
      }
    }
  }

  function commit(next: ConsentState | null, remote: boolean): ConsentChange {
    const previous = current();
    stored = next;
    invalid = false;
    const state = current();
    const change: ConsentChange = { state, previous, ...diffConsent(previous, state, config), remote };
    emit('change', change);
    doc?.dispatchEvent(new CustomEvent('privacy-consent-change', { detail: change }));
    const why = reason();
    if (why) emit('needs-decision', { reason: why });
    return change;
  }

  function receive(message: Partial<SyncMessage> | null): void {
    if (typeof message?.at != 'number') return;
    const incoming = message.value === null ? null : decodeConsent(message.value);
    if (incoming && !incoming.ok) return;
    const next = incoming?.value ?? null;
    const mineWins =
      stored &&
      (next
        ? next.updatedAt < stored.updatedAt || (next.updatedAt === stored.updatedAt && next.id <= stored.id)
        : message.at < stored.updatedAt);
    if (!mineWins) return void (next || stored ? commit(next, true) : undefined);
    // Both tabs wrote the cookie; make sure it holds the decision that wins everywhere.
    if (stored && next) cookies.write(encodeConsent(stored));
  }

  const link = openSync(config.cookie.name, receive, {
    // Node has BroadcastChannel too, but an open one would keep a server process alive.
    BroadcastChannel: pick(options.BroadcastChannel, () => (g.document && g.BroadcastChannel) || null),
    window: win,
    localStorage: storage,
  });

  const fetcher = options.fetch ?? g.fetch?.bind(g);
  const receipts =
    config.sync && fetcher
      ? makeQueue(
          config.sync.endpoint,
          'privacy-kit:receipts:' + config.cookie.name,
          storage,
          fetcher,
          schedule,
          warn,
        )
      : undefined;
  const onPageHide = () => receipts?.flush(true);
  const onOnline = () => receipts?.flush();
  win?.addEventListener('pagehide', onPageHide);
  win?.addEventListener('online', onOnline);

  function apply(choice: ConsentChoice, method: DecisionOptions['method'] = 'api'): ConsentState {
    const next = decide(config, stored, choice, {
      id: uuid(),
      now: Math.max(now(), (stored?.updatedAt ?? 0) + 1),
      method,
    });
    const value = encodeConsent(next);
    cookies.write(value);
    link.post({ value, at: next.updatedAt });
    const { granted, denied } = commit(next, false);
    receipts?.add({
      receiptId: uuid(),
      consentId: next.id,
      revision: next.revision,
      granted,
      denied,
      method,
      at: new Date(next.updatedAt).toISOString(),
      ...(nav?.userAgent ? { userAgent: nav.userAgent.slice(0, 512) } : {}),
    });
    return next;
  }

  const kit: PrivacyKit = {
    ready: Promise.resolve(),
    config,
    getConsent: current,
    getStoredConsent: () => stored,
    needsDecision: () => reason() !== null,
    needsDecisionReason: reason,
    isGranted: (name) => isGrantedIn(current(), config, name),
    // GPC categories stay refused on "accept all" unless this visitor opted in to them before.
    acceptAll: (o) =>
      apply(
        everything(config, (n) => !gpcRefusals(config, nav).includes(n) || stored?.categories[n] === true),
        o?.method,
      ),
    rejectAll: (o) =>
      apply(
        everything(config, () => false),
        o?.method,
      ),
    update: (choice, o) => apply(choice, o?.method),
    reset() {
      cookies.remove();
      link.post({ value: null, at: now() });
      commit(null, false);
    },
    showPreferences: (opener) => emit('show-preferences', { opener: opener ?? null }),
    on(event, fn) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(fn as Listener<never>));
      return () => void set.delete(fn as Listener<never>);
    },
    subscribe: (fn) => kit.on('change', fn),
    destroy() {
      link.close();
      receipts?.destroy();
      win?.removeEventListener('pagehide', onPageHide);
      win?.removeEventListener('online', onOnline);
      listeners.clear();
    },
  };
  const initial = reason();
  if (initial) void kit.ready.then(() => emit('needs-decision', { reason: initial }));
  return kit;
}
