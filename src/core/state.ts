/**
 * The read half of the consent store: the stored decision, what it grants, whether the visitor
 * must be asked, and the listeners. The script-tag loader runs on this alone for a returning
 * visitor; the write half (`writer.ts`: decisions, other tabs, receipts) is attached when a
 * decision is to be made. Both halves share this one holder, so the state has a single owner.
 */
import { isGrantedIn, needsDecisionReason } from './consent.js';
import { decodeConsent } from './cookie-codec.js';
import type {
  ConsentEvents,
  ConsentState,
  NeedsDecisionReason,
  PrivacyKit,
  ResolvedConfig,
} from './types.js';

type Listener<K extends keyof ConsentEvents> = (detail: ConsentEvents[K]) => void;

/** The decision as read from the cookie, with its listeners; the writer replaces `stored`. */
export interface ConsentHolder {
  readonly config: ResolvedConfig;
  readonly now: () => number;
  /** The last decision stored, valid or not; `null` when none could be read. */
  stored: ConsentState | null;
  /** True while the cookie held a value that could not be read (asked again as `invalid`). */
  invalid: boolean;
  on: PrivacyKit['on'];
  emit<K extends keyof ConsentEvents>(event: K, detail: ConsentEvents[K]): void;
}

/** The read-only part of {@link PrivacyKit}, built on a holder. */
export type ConsentReader = Pick<
  PrivacyKit,
  | 'config'
  | 'getConsent'
  | 'getStoredConsent'
  | 'needsDecision'
  | 'needsDecisionReason'
  | 'isGranted'
  | 'on'
  | 'subscribe'
>;

/** The listeners of a store: `on` returns a function that removes the listener. */
export type ConsentEmitter = Pick<ConsentHolder, 'on' | 'emit'>;

/** A fresh set of listeners; the loader makes one before its config is known. */
export function createEmitter(): ConsentEmitter {
  const listeners = new Map<keyof ConsentEvents, Set<Listener<never>>>();
  return {
    on(event, fn) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(fn as Listener<never>));
      return () => void set.delete(fn as Listener<never>);
    },
    emit(event, detail) {
      for (const fn of [...(listeners.get(event) ?? [])]) {
        try {
          (fn as Listener<typeof event>)(detail);
        } catch (error) {
          console.error(error); // One broken subscriber must not silence the others.
        }
      }
    },
  };
}

/**
 * False for a decision dated over a day after `now`: made under a clock since put right, it would
 * not expire for years, and would win over every later decision in other tabs.
 */
export const inTime = (state: ConsentState, now: number): boolean => state.updatedAt < now + 864e5;

/** Holds the decision read from the cookie's `raw` value; a malformed one counts as "no decision". */
export function createHolder(
  config: ResolvedConfig,
  raw: string | undefined,
  now: () => number,
  events: ConsentEmitter = createEmitter(),
): ConsentHolder {
  const decoded = raw === undefined ? undefined : decodeConsent(raw);
  const stored = decoded?.ok && inTime(decoded.value, now()) ? decoded.value : null;
  return {
    ...events,
    config,
    now,
    stored,
    invalid: !!decoded && !stored,
  };
}

/** Why the visitor must be asked now, or null when the stored decision counts. */
export const reasonOf = (h: ConsentHolder): NeedsDecisionReason | null =>
  h.stored ? needsDecisionReason(h.stored, h.config, h.now()) : h.invalid ? 'invalid' : 'none';

/** The decision in force: the stored one unless the visitor must be asked again. */
export const currentOf = (h: ConsentHolder): ConsentState | null => (reasonOf(h) ? null : h.stored);

/** The read-only API over a holder. */
export function readerOf(h: ConsentHolder): ConsentReader {
  return {
    config: h.config,
    getConsent: () => currentOf(h),
    getStoredConsent: () => h.stored,
    needsDecision: () => reasonOf(h) !== null,
    needsDecisionReason: () => reasonOf(h),
    isGranted: (name) => isGrantedIn(currentOf(h), h.config, name, h.stored),
    on: h.on,
    subscribe: (fn) => h.on('change', fn),
  };
}
