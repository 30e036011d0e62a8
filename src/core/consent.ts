/**
 * Consent arithmetic, pure: what is granted and whether the visitor must be asked again (what a
 * decision stores is in `decide.ts`). No cookies, no DOM, no clock (times are passed in).
 */
import type { ConsentState, NeedsDecisionReason, ResolvedConfig } from './types.js';

/** Category and service names: what the receipt contract accepts, never starting with `_` (`__proto__`). */
export const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Version of `ConsentState` and of the cookie encoding. */
export const SCHEMA = 1;

const DAY = 864e5;

/** An own property of a record, never one inherited from `Object.prototype` (`constructor`…). */
export const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * A state is handed to every reader and subscriber as it is: frozen, so that code changing the one
 * it got (`getConsent().categories.x = true`) fails loudly instead of granting without a decision.
 */
export const frozen = (state: ConsentState): ConsentState => (
  Object.freeze(state.categories),
  Object.freeze(state.services),
  Object.freeze(state)
);

/** Names of the configured categories (`necessary` first). */
export const categoryNames = (config: ResolvedConfig): string[] => Object.keys(config.categories);

/** Names of the configured services. */
export const serviceNames = (config: ResolvedConfig): string[] => Object.keys(config.services);

/**
 * Is this category or service granted in `state`? `necessary` (and its services) always is; a
 * service only when its category is granted and it is not switched off; unknown names never.
 * With `analyticsExemption`, `analytics` is granted while no decision is in force (an opt-out);
 * `stored` is the decision kept but out of date (a new revision, expired): its refusals of
 * analytics and of its services still count, since an objection, once made, does not lapse.
 * A record of Global Privacy Control alone is no objection: GPC refuses sale and sharing.
 */
export function isGrantedIn(
  state: ConsentState | null,
  config: ResolvedConfig,
  name: string,
  stored: ConsentState | null = state,
): boolean {
  if (stored?.method == 'gpc') stored = null;
  const service = own(config.services, name);
  if (service) {
    return (
      service.category === 'necessary' ||
      (isGrantedIn(state, config, service.category, stored) &&
        (state ? own(state.services, name) === true : own(stored?.services, name) !== false))
    );
  }
  if (name === 'necessary') return true;
  if (own(config.categories, name) === undefined) return false;
  return state
    ? own(state.categories, name) === true
    : config.analyticsExemption && name === 'analytics' && own(stored?.categories, name) !== false;
}

/**
 * Why a stored decision no longer counts, or null when it does: `none` (nothing stored),
 * `revision` (config revision changed), `purposes` (a category or non-necessary service was added:
 * it is asked, never silently recorded as refused), `expired` (older than `reconsentAfterDays`).
 * Removed names do not ask again: nobody needs to consent to less.
 */
export function needsDecisionReason(
  state: ConsentState | null,
  config: ResolvedConfig,
  now: number,
): NeedsDecisionReason | null {
  // A refusal recorded from Global Privacy Control alone: the visitor has not decided yet.
  if (!state || state.method == 'gpc') return 'none';
  if (state.revision !== config.revision) return 'revision';
  const added =
    categoryNames(config).some((n) => own(state.categories, n) === undefined) ||
    Object.entries(config.services).some(
      ([n, s]) => s.category !== 'necessary' && own(state.services, n) === undefined,
    );
  if (added) return 'purposes';
  if (now - state.updatedAt > config.reconsentAfterDays * DAY) return 'expired';
  return null;
}
