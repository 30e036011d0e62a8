/**
 * A Lit reactive controller giving an element `t(key)` in its resolved language.
 * Language: the closest `lang` attribute (the element's own first), else `<html lang>`,
 * else the config's language, else Dutch. A key missing in that language falls back to the
 * config's language, then Dutch, then English — never to a blank or a key name.
 *
 * Lookup order per language: the site's override from config `translations`, then i18next when
 * it has been loaded (see i18n.ts), then the shipped strings. `t('common:key')` reads another
 * namespace, as in i18next.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getPrivacyKit } from '../elements/context.js';
import {
  getTranslator,
  hasLanguage,
  interpolate,
  lookup,
  normalizeLanguage,
  onStringsRegistered,
  type TranslateVars,
} from './strings.js';

export type { TranslateVars } from './strings.js';

type Host = ReactiveControllerHost & HTMLElement;

const FALLBACK_LANGUAGES = ['nl', 'en'];

/**
 * Site overrides from config: `translations: { en: { 'banner.title': '…' } }`. Plural forms in
 * overrides (`…_one`, `…_other`) are honoured once i18next is loaded (it is fed the overrides).
 */
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

/** The languages to try for a string, best first, without repeats. */
export function languageChain(lang: string): string[] {
  const configured = normalizeLanguage(getPrivacyKit()?.config.language);
  return [...new Set([lang, configured, ...FALLBACK_LANGUAGES].filter((l): l is string => !!l))];
}

/** Translates `key` (or `namespace:key`) for `lang` without a controller (stories, helpers). */
export function translate(lang: string, namespace: string, key: string, vars?: TranslateVars): string {
  let ns = namespace;
  let k = key;
  const colon = key.indexOf(':');
  if (colon > 0) {
    ns = key.slice(0, colon);
    k = key.slice(colon + 1);
  }
  const count = typeof vars?.['count'] === 'number' ? vars['count'] : undefined;
  const translator = getTranslator();
  for (const l of languageChain(lang)) {
    // Every source gives a template; variables (which may hold config text) are filled in once, here.
    const template = override(l, ns, k) ?? translator?.(l, ns, k, count) ?? lookup(l, ns, k, count);
    if (template !== undefined) return interpolate(template, vars);
  }
  // A programmer error (a key no language has): say so loudly in development, show something readable.
  console.warn(`privacy-kit: missing string "${ns}.${k}"`);
  return k.split('.').pop() ?? k;
}

/** Gives an element translated strings and re-renders it when strings or its language change. */
export class I18nController implements ReactiveController {
  readonly #host: Host;
  readonly #namespace: string;
  #unsubscribe: (() => void) | undefined;
  #observer: MutationObserver | undefined;

  readonly #marks: boolean;

  /**
   * Marks the top-level elements the host renders with the language of its strings, unless
   * `marks` is false: a host that renders text in other languages marks its parts itself.
   */
  constructor(host: Host, namespace: string, marks = true) {
    this.#host = host;
    this.#namespace = namespace;
    this.#marks = marks;
    host.addController(this);
  }

  /** The resolved language code (`nl`, `en`, …). */
  get lang(): string {
    return resolveLanguage(this.#host);
  }

  /** The string for `key` (dotted; `other-namespace:key` for another namespace) with `{{vars}}` filled in. */
  t(key: string, vars?: TranslateVars): string {
    return translate(this.lang, this.#namespace, key, vars);
  }

  hostConnected(): void {
    this.#unsubscribe = onStringsRegistered(() => this.#host.requestUpdate());
    // Re-render when the host, an ancestor or the page switches language — also an ancestor that
    // gains a `lang` only later. `lang` changes are rare, so watching the whole tree for that one
    // attribute costs nothing until one happens; changes elsewhere in the page are ignored.
    const host = this.#host;
    this.#observer = new MutationObserver((records) => {
      const affects = (target: Node) => target === document.documentElement || target.contains(host);
      if (records.some((record) => affects(record.target))) host.requestUpdate();
    });
    const options = { attributes: true, attributeFilter: ['lang'], subtree: true };
    this.#observer.observe(document.documentElement, options);
    // Inside another element's shadow root (a live block in the statement), watch that tree too.
    const root = host.getRootNode();
    if (root instanceof ShadowRoot) this.#observer.observe(root, options);
  }

  // WCAG 3.1.2: a page in a language without strings gets the config's, so the page's `lang` is
  // wrong for them. Slotted content keeps the page's language.
  hostUpdated(): void {
    if (!this.#marks) return;
    const lang = this.lang;
    for (const el of this.#host.shadowRoot!.children)
      if (el.localName != 'slot') el.setAttribute('lang', lang);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#observer?.disconnect();
  }
}
