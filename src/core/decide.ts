/**
 * Consent arithmetic for decisions, pure: what a decision stores and what a change changed.
 * Only the code that makes decisions needs it; reading one needs only `consent.ts`.
 */
import { categoryNames, frozen, isGrantedIn, own, SCHEMA, serviceNames } from './consent.js';
import type { ConsentChange, ConsentChoice, ConsentMethod, ConsentState, ResolvedConfig } from './types.js';

/** Who/when of a new decision; `now` must already be later than the previous `updatedAt`. */
export interface DecisionContext {
  readonly id: string;
  readonly now: number;
  readonly method: ConsentMethod;
}

/**
 * The state after a choice. Names in `choice` win, then the earlier decision `base`; a service not
 * named follows its category when the choice names that category (so granting a category after a
 * refusal grants its services), else keeps its earlier switch, and one the earlier decision never
 * saw (added to the config since) stays off: nobody was asked about it. `necessary` is always true.
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
    const earlier =
      own(choice.categories, category) !== undefined ? categories[category] : own(base?.services, name);
    services[name] = category === 'necessary' || (own(choice.services, name) ?? earlier) === true;
  }
  return frozen({
    schema: SCHEMA,
    // A cookie a server wrote may carry another kind of id; receipts need a UUID (README).
    id: base && /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i.test(base.id) ? base.id : ctx.id,
    revision: config.revision,
    decidedAt: base?.decidedAt ?? ctx.now,
    updatedAt: ctx.now,
    categories,
    services,
    method: ctx.method,
  });
}

/** A choice naming every category (their services follow them, see `decide`). */
export function everything(config: ResolvedConfig, grant: (category: string) => boolean): ConsentChoice {
  return { categories: Object.fromEntries(categoryNames(config).map((n) => [n, grant(n)])) };
}

/**
 * What changed between two effective states, and what is granted / refused now; the stored
 * decisions behind them matter while none is in force (see `isGrantedIn`).
 */
export function diffConsent(
  previous: ConsentState | null,
  state: ConsentState | null,
  config: ResolvedConfig,
  previousStored: ConsentState | null = previous,
  stored: ConsentState | null = state,
): Pick<ConsentChange, 'changed' | 'granted' | 'denied'> {
  const names = [...categoryNames(config), ...serviceNames(config)];
  const granted = names.filter((n) => isGrantedIn(state, config, n, stored));
  return {
    changed: names.filter((n) => isGrantedIn(previous, config, n, previousStored) !== granted.includes(n)),
    granted,
    denied: names.filter((n) => !granted.includes(n)),
  };
}
