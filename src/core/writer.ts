/**
 * The write half of the consent store: decisions (accept, reject, update, reset) persisted to the
 * cookie, told to other tabs, queued as receipts and announced to subscribers. Attached to a
 * holder (`state.ts`); the script-tag loader attaches it only when a decision is to be made.
 */
import { decide, diffConsent, everything } from './decide.js';
import { decodeConsent, METHODS } from './cookie-codec.js';
import { encodeConsent } from './cookie-encode.js';
import { gpcRefusals, type PrivacySignals } from './gpc.js';
import type { receiptQueue, Scheduler } from './receipts.js';
import { currentOf, inTime, reasonOf, type ConsentHolder } from './state.js';
import type { CookieAdapter } from './storage.js';
import { openSync, type SyncMessage } from './sync.js';
import type { ConsentChange, ConsentChoice, ConsentState, DecisionOptions, PrivacyKit } from './types.js';

/** The page a store works in; every member defaults to the real one (or to nothing in Node). */
export interface WriterOptions {
  /** Receives `privacy-consent-change`; `null` for none. */
  readonly document?: Pick<EventTarget, 'dispatchEvent'> | null;
  /** Receipt queue and the sync fallback; `null` for none. */
  readonly localStorage?: Storage | null;
  /** Source of `storage`, `pagehide` and `online` events; `null` for none. */
  readonly window?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** `null` forces the `storage` event fallback. */
  readonly BroadcastChannel?: typeof BroadcastChannel | null;
  readonly fetch?: typeof fetch;
  readonly navigator?: (PrivacySignals & { readonly userAgent?: string }) | null;
  /** Timers of the receipt queue (timeouts, retries); default `setTimeout`, in the sender's chunk. */
  readonly schedule?: Scheduler;
}

/** Makes the receipt queue of a store: `receiptQueue` itself, or a stand-in that loads it later. */
export type ReceiptQueueFactory = typeof receiptQueue;

/** The actions of {@link PrivacyKit}, plus `receive` for messages from other tabs. */
export type ConsentWriter = Pick<PrivacyKit, 'acceptAll' | 'rejectAll' | 'update' | 'reset' | 'destroy'> & {
  receive(message: Partial<SyncMessage> | null): void;
};

/** The options that default to a global of the page. */
type Page = Omit<WriterOptions, 'fetch' | 'schedule'>;

/** The option `name` when given (`null` included), else the page's own, else `null`. */
const pick = <K extends keyof Page>(options: Page, name: K): NonNullable<Page[K]> | null => {
  try {
    return (options[name] === undefined ? (globalThis as Page)[name] : options[name]) ?? null;
  } catch {
    return null; // Reading `localStorage` throws when the visitor blocks site data.
  }
};

/**
 * A random UUID v4; `crypto.randomUUID` exists only in secure contexts, plain-http sites need ids
 * too. Each `0`, `1` and `8` of the template becomes a random hex digit (`8` only 8 to b, the
 * variant); the `4` stays (the version).
 */
const uuid = (): string =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
  );

/** Adds decisions to `holder`, kept in `cookies`; returns the actions. */
export function attachWriter(
  holder: ConsentHolder,
  cookies: CookieAdapter,
  options: WriterOptions,
  makeQueue: ReceiptQueueFactory,
): ConsentWriter {
  const { config, now } = holder;
  const g = globalThis as Partial<typeof globalThis>;
  const doc = pick(options, 'document');
  const win = pick(options, 'window');
  const nav = pick(options, 'navigator');
  const storage = pick(options, 'localStorage');
  const warn = (m: string) => console.warn(m);

  function commit(next: ConsentState | null, remote: boolean): ConsentChange {
    const previous = currentOf(holder);
    const previousStored = holder.stored;
    holder.stored = next;
    holder.invalid = false;
    const state = currentOf(holder);
    const diff = diffConsent(previous, state, config, previousStored, next);
    const change: ConsentChange = { state, previous, ...diff, remote };
    holder.emit('change', change);
    doc?.dispatchEvent(new CustomEvent('privacy-consent-change', { detail: change }));
    const why = reasonOf(holder);
    if (why) holder.emit('needs-decision', { reason: why });
    return change;
  }

  /**
   * When this tab last forgot the decision (its own reset or another tab's): a decision from
   * another tab dated before it crossed the reset on its way, and must not bring it back here
   * while the other tab, which took the reset, asks again.
   */
  let resetAt = 0;
  /** The decision this tab holds, unless it is dated ahead (`inTime`): then it counts for nothing. */
  const held = () => (holder.stored && inTime(holder.stored, now()) ? holder.stored : null);

  function receive(message: Partial<SyncMessage> | null): void {
    if (typeof message?.at != 'number') return;
    const incoming = message.value === null ? null : decodeConsent(message.value);
    if (incoming && !incoming.ok) return;
    const next = incoming?.value ?? null;
    const stored = held();
    const mine = stored?.updatedAt ?? resetAt;
    // Latest wins. A tie (two tabs in one millisecond, one visitor, so one id) is settled by the
    // same rule in both tabs: between decisions by their encoding, a decision over a reset.
    const mineWins = next
      ? next.updatedAt < mine ||
        (stored && next.updatedAt === mine && message.value! <= encodeConsent(stored))
      : stored
        ? message.at <= mine
        : message.at < mine;
    if (!mineWins) {
      if (!next) resetAt = message.at;
      return void (next || holder.stored ? commit(next, true) : undefined);
    }
    // Both tabs wrote the cookie; make sure it holds what wins everywhere.
    if (stored) cookies.write(encodeConsent(stored));
    else cookies.remove();
  }

  const link = openSync(config.cookie.name, receive, {
    // Node has BroadcastChannel too, but an open one would keep a server process alive.
    BroadcastChannel: g.document || options.BroadcastChannel ? pick(options, 'BroadcastChannel') : null,
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
          options.schedule,
          warn,
          win,
        )
      : undefined;

  /**
   * The stored decision while it still counts, or when the visitor is asked just about new
   * purposes; null after a new revision or expiry: the visitor has not seen those choices again,
   * so a decision about one thing (a gate's "always allow") must not renew them.
   */
  const earlier = (): ConsentState | null => {
    const reason = reasonOf(holder);
    return reason && reason != 'purposes' ? null : holder.stored;
  };
  /** A time after the stored decision's: other tabs take the later one. */
  const after = () => Math.max(now(), (held()?.updatedAt ?? resetAt) + 1);

  function apply(choice: ConsentChoice, how?: DecisionOptions['method']): ConsentState {
    const stored = held();
    // From plain JS anything can come: a method the cookie cannot hold would void the decision.
    const method = how && METHODS.includes(how) ? how : 'api';
    // The id stays when the earlier choices do not.
    const base = stored && (earlier() ?? { ...stored, categories: {}, services: {} });
    const next = decide(config, base, choice, { id: uuid(), now: after(), method });
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

  // GPC is the visitor's refusal of the categories it covers (consent-gating.md): recorded, with
  // its receipt, before they decide anything themselves. It does not count as their decision.
  // Once: a stored GPC record is not a decision either, but recording it again on every page would
  // rewrite the cookie and send a receipt each time.
  if (!holder.stored && gpcRefusals(config, nav).length) apply({}, 'gpc');

  return {
    receive,
    // GPC categories stay refused on "accept all" unless this visitor opted in to them before.
    acceptAll: (o) =>
      apply(
        everything(config, (n) => !gpcRefusals(config, nav).includes(n) || earlier()?.categories[n] === true),
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
      // Later than the stored decision, or other tabs would keep theirs (a clock stepped back).
      resetAt = after();
      link.post({ value: null, at: resetAt });
      commit(null, false);
    },
    destroy() {
      link.close();
      receipts?.destroy();
    },
  };
}
