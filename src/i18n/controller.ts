/**
 * A Lit reactive controller giving an element `t(key)` in its resolved language.
 * Language: the closest `lang` attribute (the element's own first), else `<html lang>`,
 * else the config's language, else Dutch. A key missing in that language falls back to the
 * config's language, then Dutch, then English — never to a blank or a key name.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getPrivacyKit } from '../elements/context.js';
import { hasLanguage, interpolate, lookup, normalizeLanguage, onStringsRegistered } from './strings.js';

type Host = ReactiveControllerHost & HTMLElement;
export type TranslateVars = Readonly<Record<string, string | number>>;

const FALLBACK_LANGUAGES = ['nl', 'en'];

/** Site overrides from config: `translations: { en: { 'banner.title': '…' } }`. */
function override(lang: string, namespace: string, key: string): string | undefined {
  return getPrivacyKit()?.config.translations[lang]?.[`${namespace}.${key}`];
}

function hasOverrides(lang: string): boolean {
  return Object.keys(getPrivacyKit()?.config.translations[lang] ?? {}).length > 0;
}

/** The language an element should speak. Exported for elements that need it outside render. */
export function resolveLanguage(el: Element): string {
  const configured = normalizeLanguage(getPrivacyKit()?.config.language);
  const candidates = [
    normalizeLanguage(el.closest('[lang]')?.getAttribute('lang')),
    normalizeLanguage(document.documentElement.getAttribute('lang')),
    configured,
  ];
  for (const lang of candidates) {
    if (lang && (hasLanguage(lang) || hasOverrides(lang))) return lang;
  }
  return configured ?? 'nl';
}

export class I18nController implements ReactiveController {
  readonly #host: Host;
  readonly #namespace: string;
  #unsubscribe: (() => void) | undefined;
  #observer: MutationObserver | undefined;

  constructor(host: Host, namespace: string) {
    this.#host = host;
    this.#namespace = namespace;
    host.addController(this);
  }

  /** The resolved language code (`nl`, `en`, …). */
  get lang(): string {
    return resolveLanguage(this.#host);
  }

  /** The string for `key` (dotted) in this namespace, with `{{vars}}` filled in. */
  t(key: string, vars?: TranslateVars): string {
    const ns = this.#namespace;
    const configured = normalizeLanguage(getPrivacyKit()?.config.language);
    const chain = [this.lang, configured, ...FALLBACK_LANGUAGES].filter((l): l is string => !!l);
    for (const lang of chain) {
      const text = override(lang, ns, key) ?? lookup(lang, ns, key);
      if (text !== undefined) return interpolate(text, vars);
    }
    // A programmer error (a key no language has): say so loudly in development, show something readable.
    console.warn(`privacy-kit: missing string "${ns}.${key}"`);
    return key.split('.').pop() ?? key;
  }

  hostConnected(): void {
    this.#unsubscribe = onStringsRegistered(() => this.#host.requestUpdate());
    // Re-render when the page or an ancestor switches language.
    this.#observer = new MutationObserver(() => this.#host.requestUpdate());
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#observer?.disconnect();
  }
}
