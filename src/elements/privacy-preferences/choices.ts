/**
 * The dialog's working copy of a choice, and the rules between switches: a service switched on
 * turns its category on; a category switched off (or on) takes its services with it.
 * Pure functions over plain records, so they are easy to reason about and to test.
 */
import type { ConsentState, ResolvedConfig } from '../../core/types.js';

/** Switch positions shown in the dialog. */
export interface Choices {
  readonly categories: Readonly<Record<string, boolean>>;
  readonly services: Readonly<Record<string, boolean>>;
}

/** Names of the services in `category`, in config order. */
export function servicesOf(config: ResolvedConfig, category: string): string[] {
  return Object.entries(config.services)
    .filter(([, service]) => service.category === category)
    .map(([name]) => name);
}

/**
 * Switch positions from an earlier decision, or everything off (nothing pre-ticked).
 * A category or service the earlier decision did not know stays off (nobody was asked about it);
 * a service is on only when its category is on and it was on before.
 */
export function initialChoices(config: ResolvedConfig, previous: ConsentState | null): Choices {
  const categories: Record<string, boolean> = {};
  const services: Record<string, boolean> = {};
  for (const name of Object.keys(config.categories)) {
    categories[name] = name === 'necessary' || previous?.categories[name] === true;
  }
  for (const [name, service] of Object.entries(config.services)) {
    services[name] = categories[service.category] === true && previous?.services[name] === true;
  }
  return { categories, services };
}

/** Flips a category; its services follow it. `necessary` cannot be switched off. */
export function setCategory(
  config: ResolvedConfig,
  choices: Choices,
  category: string,
  on: boolean,
): Choices {
  if (category === 'necessary') return choices;
  const services = { ...choices.services };
  for (const name of servicesOf(config, category)) services[name] = on;
  return { categories: { ...choices.categories, [category]: on }, services };
}

/** Flips one service; switching it on also switches its category on. */
export function setService(config: ResolvedConfig, choices: Choices, service: string, on: boolean): Choices {
  const category = config.services[service]?.category;
  if (!category || category === 'necessary') return choices;
  return {
    categories: on ? { ...choices.categories, [category]: true } : choices.categories,
    services: { ...choices.services, [service]: on },
  };
}

/** Categories in display order: `necessary` first, then as configured. */
export function orderedCategories(config: ResolvedConfig): string[] {
  const names = Object.keys(config.categories).filter((n) => n !== 'necessary');
  return ['necessary', ...names];
}
