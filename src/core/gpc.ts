/**
 * Global Privacy Control (`navigator.globalPrivacyControl`): the browser says "do not sell or
 * share". privacy-kit treats it as a default refusal of `marketing` and of every category marked
 * `sale: true`: the banner still shows, those categories stay refused even on "accept all", and
 * only an explicit opt-in for that category (`update({ categories: { marketing: true } })`) grants it.
 */
import type { ResolvedConfig } from './types.js';

/**
 * The part of `navigator` privacy-kit reads: the GPC signal, and the user agent a consent receipt
 * records. Pass `navigator` itself (TypeScript's DOM types have no `globalPrivacyControl` yet;
 * `userAgent` is what lets them match).
 */
export interface PrivacySignals {
  readonly globalPrivacyControl?: boolean | undefined;
  readonly userAgent?: string;
}

/** Categories refused by GPC for this visitor (empty without GPC or with `config.gpc: false`). */
export function gpcRefusals(config: ResolvedConfig, signals: PrivacySignals | null | undefined): string[] {
  if (!config.gpc || signals?.globalPrivacyControl !== true) return [];
  return Object.entries(config.categories)
    .filter(([name, category]) => name === 'marketing' || category.sale === true)
    .map(([name]) => name);
}
