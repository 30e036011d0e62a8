/**
 * The shipped strings of every element, registered per namespace by the element that uses them.
 * Sync lookup so that a first paint never waits for i18next; i18next (see i18n.ts) is loaded on
 * demand and fed the same resources, so there is one source for every string.
 */

/** Nested string resources of one namespace in one language. */
export interface Strings {
  readonly [key: string]: string | Strings;
}

/** Variables filled into `{{name}}` placeholders; `count` also picks a plural form. */
export type TranslateVars = Readonly<Record<string, string | number>>;

/**
 * A richer lookup (i18next, once loaded) for one language: the template for `key` (the plural
 * form for `count`), not yet interpolated; undefined when that language lacks the key, so the
 * caller can fall back to the next language. Variables are filled in once, by `interpolate()`,
 * whoever found the template: config text in a variable must never be read as a template.
 */
export type Translator = (lang: string, namespace: string, key: string, count?: number) => string | undefined;

/** lang → namespace → strings */
const registry = new Map<string, Map<string, Strings>>();
const listeners = new Set<() => void>();
let translator: Translator | undefined;

/** Languages whose strings ship with the library. */
export const SHIPPED_LANGUAGES = ['nl', 'en'] as const;

/** Registers a namespace's shipped strings, e.g. `registerStrings('banner', { nl, en })`. */
export function registerStrings(namespace: string, byLanguage: Readonly<Record<string, Strings>>): void {
  for (const [lang, strings] of Object.entries(byLanguage)) {
    let namespaces = registry.get(lang);
    if (!namespaces) registry.set(lang, (namespaces = new Map()));
    namespaces.set(namespace, strings);
  }
  notifyStringsChanged();
}

/** Every registered resource, in i18next's `{ lang: { ns: strings } }` shape. */
export function allResources(): Record<string, Record<string, Strings>> {
  const out: Record<string, Record<string, Strings>> = {};
  for (const [lang, namespaces] of registry) out[lang] = Object.fromEntries(namespaces);
  return out;
}

/** Is anything registered for this language? */
export function hasLanguage(lang: string): boolean {
  return registry.has(lang);
}

/** Has this namespace been registered for this language? */
export function hasNamespace(lang: string, namespace: string): boolean {
  return registry.get(lang)?.has(namespace) ?? false;
}

/** Called whenever strings are registered or the translator changes (elements re-render). Returns an unsubscribe. */
export function onStringsRegistered(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Tells every element to re-render its strings. */
export function notifyStringsChanged(): void {
  for (const fn of [...listeners]) fn();
}

/** Installs (or removes, with undefined) the richer lookup used before the shipped registry. */
export function setTranslator(fn: Translator | undefined): void {
  translator = fn;
  notifyStringsChanged();
}

/** The installed richer lookup, if any. */
export function getTranslator(): Translator | undefined {
  return translator;
}

function find(lang: string, namespace: string, key: string): string | undefined {
  let node: string | Strings | undefined = registry.get(lang)?.get(namespace);
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Looks up `a.b.c` in one language and namespace; undefined when missing. With a numeric
 * `count`, the plural form `a.b.c_one` / `a.b.c_other` (i18next's suffixes) is tried first.
 */
export function lookup(lang: string, namespace: string, key: string, count?: number): string | undefined {
  if (typeof count === 'number') {
    const form = new Intl.PluralRules(lang).select(count);
    const plural = find(lang, namespace, `${key}_${form}`) ?? find(lang, namespace, `${key}_other`);
    if (plural !== undefined) return plural;
  }
  return find(lang, namespace, key);
}

/**
 * Replaces `{{name}}` with the value given; unknown placeholders are left empty. One pass: a
 * value containing `{{…}}` (config text such as a provider "Acme {{count}}") stays as written.
 */
export function interpolate(template: string, vars?: TranslateVars): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars?.[name] ?? ''));
}

/** `nl-BE` → `nl`, `EN_gb` → `en`; empty or malformed → undefined. */
export function normalizeLanguage(tag: string | null | undefined): string | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return base && /^[a-z]{2,3}$/.test(base) ? base : undefined;
}
