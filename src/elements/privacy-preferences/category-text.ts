/** Category texts only the dialog needs (kept out of the banner's bundle). */
import { gpcRefusals } from '../../core/gpc.js';
import type { ResolvedConfig } from '../../core/types.js';
import {
  isWellKnown,
  localizeWithLanguage,
  type TextInLanguage,
  type Translate,
} from '../shared/config-text.js';

/** Description of a category (with the language of a config one), from config or shipped for well-known names. */
export function categoryDescription(
  config: ResolvedConfig,
  name: string,
  lang: string,
  t: Translate,
): TextInLanguage | undefined {
  return (
    localizeWithLanguage(config.categories[name]?.description, lang, config.language) ??
    (isWellKnown(name, 'category') ? { text: t(`category.${name}.description`) } : undefined)
  );
}

/** Categories Global Privacy Control refuses for this visitor (the store's own rule). */
export function gpcRefusedCategories(config: ResolvedConfig): string[] {
  return gpcRefusals(config, navigator);
}
