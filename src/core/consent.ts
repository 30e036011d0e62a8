/**
 * Consent arithmetic, pure: what is granted, what a decision stores, whether the visitor must be
 * asked again, and what a change changed. No cookies, no DOM, no clock (times are passed in).
 */
import type {
  ConsentChange,
  ConsentChoice,
  ConsentMethod,
  ConsentState,
  NeedsDecisionReason,
  ResolvedConfig,
} from './types.js';

/** Version of `ConsentState` and of the cookie encoding. */
export const SCHEMA = 1;

const DAY = 864e5;

/** An own property of a record, never one inherited from `Object.prototype` (`constructor`…). */
export const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** Names of the configured categories (`necessary` first). */
export const categoryNames = (config: ResolvedConfig): string[] => Object.keys(config.categories);

/** Names of the configured services. */
export const serviceNames = (config: ResolvedConfig): string[] => Object.keys(config.services);

/**
 * Is this category or service granted in `state`? `necessary` (and its services) always is; a
 * service only when its category is granted and it is not switched off; unknown names never.
 */
export function isGrantedIn(state: ConsentState | null, config: ResolvedConfig, name: string): boolean {
  const service = own(config.services, name);
  if (service) {
    return (
      service.category === 'necessary' ||
      (isGrantedIn(state, config, service.category) && own(state?.services, name) === true)
    );
  }
  return (
    name === 'necessary' ||
    (!!state && own(config.categories, name) !== undefined && own(state.categories, name) === true)
  );
}

/** Who/when of a new decision; `now` must already be later than the previous `updatedAt`. */
export interface DecisionContext {
  readonly id: string;
  readonly now: number;
  readonly method: ConsentMethod;
}

/**
 * The state after a choice. Names in `choice` win, then the earlier decision `base`; a service not
 * named follows its category when the choice names that category (so granting a category after a
 * refusal grants its services), else keeps its earlier switch. `necessary` is always true.
 */
export function decide(
  config: ResolvedConfig,
  base: ConsentState | null,
  choice: ConsentChoice,
  ctx: DecisionContext,
): ConsentState {
  const categories: Record<string, boolean> = {};
  const services: Record<string, boolean> = {};
  for (const name of categoryNames(config)) {
    categories[name] =
      name === 'necessary' || (own(choice.categories, name) ?? own(base?.categories, name)) === true;
  }
  for (const [name, { category }] of Object.entries(config.services)) {
    const fromCategory =
      own(choice.categories, category) !== undefined ? undefined : own(base?.services, name);
    services[name] =
      category === 'necessary' ||
      (own(choice.services, name) ?? fromCategory ?? categories[category]) === true;
  }
  return {
    schema: SCHEMA,
    id: base?.id ?? ctx.id,
    revision: config.revision,
    decidedAt: base?.decidedAt ?? ctx.now,
    updatedAt: ctx.now,
    categories,
    services,
    method: ctx.method,
  };
}

/** A choice naming every category (their services follow them, see `decide`). */
export function everything(config: ResolvedConfig, grant: (category: string) => boolean): ConsentChoice {
  return { categories: Object.fromEntries(categoryNames(config).map((n) => [n, grant(n)])) };
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
  if (!state) return 'none';
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

/** What changed between two effective states, and what is granted / refused now. */
export function diffConsent(
  previous: ConsentState | null,
  state: ConsentState | null,
  config: ResolvedConfig,
): Pick<ConsentChange, 'changed' | 'granted' | 'denied'> {
  const names = [...categoryNames(config), ...serviceNames(config)];
  const granted = names.filter((n) => isGrantedIn(state, config, n));
  return {
    changed: names.filter((n) => isGrantedIn(previous, config, n) !== isGrantedIn(state, config, n)),
    granted,
    denied: names.filter((n) => !granted.includes(n)),
  };
}
