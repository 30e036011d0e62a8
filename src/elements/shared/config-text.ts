/**
 * Reading visitor-facing text and links out of the config: a `LocalizedText` in the element's
 * language, a label for a category or service (config first, then the shipped name), and links
 * limited to http(s) — a `javascript:` URL in a config must never become a clickable link.
 */
import type { LocalizedText, ResolvedConfig } from '../../core/types.js';

export { safeHttpUrl } from './safe-url.js';

/** Config text and the language it is written in (none for a plain string: it has no other). */
export interface TextInLanguage {
  readonly text: string;
  readonly lang?: string;
}

/**
 * The text for `lang`, else the config's language, else Dutch, English, any — with the language
 * it came in, so that text in another language than the element's can be marked as such (WCAG
 * 3.1.2); undefined when none. An empty (or blank) text counts as missing, so the next language
 * — or the caller's own fallback — is used instead of showing nothing.
 */
export function localizeWithLanguage(
  text: LocalizedText | undefined,
  lang: string,
  configLanguage?: string,
): TextInLanguage | undefined {
  const present = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
  if (text === undefined) return undefined;
  if (typeof text === 'string') return present(text) ? { text } : undefined;
  for (const l of [lang, configLanguage, 'nl', 'en', ...Object.keys(text)]) {
    const value = l ? text[l] : undefined;
    if (l && present(value)) return { text: value, lang: l };
  }
  return undefined;
}

/** The text for `lang` as `localizeWithLanguage` finds it, without its language. */
export function localize(
  text: LocalizedText | undefined,
  lang: string,
  configLanguage?: string,
): string | undefined {
  return localizeWithLanguage(text, lang, configLanguage)?.text;
}

/** Translation function of an element, as given by its I18nController. */
export type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** Label of a category: config label, the shipped label for well-known names, else the name. */
export function categoryLabel(config: ResolvedConfig, name: string, lang: string, t: Translate): string {
  return categoryLabelWithLanguage(config, name, lang, t).text;
}

/** `categoryLabel()` with the language of a config label. */
export function categoryLabelWithLanguage(
  config: ResolvedConfig,
  name: string,
  lang: string,
  t: Translate,
): TextInLanguage {
  return (
    localizeWithLanguage(config.categories[name]?.label, lang, config.language) ?? {
      text: isWellKnown(name, 'category') ? t(`labels:category.${name}.label`) : name,
    }
  );
}

/** Label of a service: config label, the shipped product name for well-known services, else the name. */
export function serviceLabel(config: ResolvedConfig, name: string, lang: string, t: Translate): string {
  return serviceLabelWithLanguage(config, name, lang, t).text;
}

/** `serviceLabel()` with the language of a config label. */
export function serviceLabelWithLanguage(
  config: ResolvedConfig,
  name: string,
  lang: string,
  t: Translate,
): TextInLanguage {
  return (
    localizeWithLanguage(config.services[name]?.label, lang, config.language) ?? {
      text: isWellKnown(name, 'service') ? t(`labels:service.${name}.label`) : name,
    }
  );
}

const WELL_KNOWN = {
  category: new Set(['necessary', 'analytics', 'marketing', 'preferences']),
  service: new Set(['google-analytics', 'adobe-analytics', 'youtube']),
};

/** Does the library ship a label for this category or service name? */
export function isWellKnown(name: string, kind: 'category' | 'service'): boolean {
  return WELL_KNOWN[kind].has(name);
}
