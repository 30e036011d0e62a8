/**
 * Strings shared by several elements (namespace `common`): "your choices were saved" or not.
 * Read them with `t('common:saved')`.
 * A function rather than a bare side-effect import, so bundlers honouring `sideEffects` keep it.
 */
import nl from './locales/nl.json';
import en from './locales/en.json';
import { hasNamespace, registerStrings } from './strings.js';

/** Registers the `common` strings once. */
export function registerCommonStrings(): void {
  if (!hasNamespace('nl', 'common')) registerStrings('common', { nl, en });
}
