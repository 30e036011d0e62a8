/**
 * The shipped strings of every element, registered per namespace by the element that uses them.
 * Sync lookup so that a first paint never waits for i18next; i18next (see i18n.ts) is loaded on
 * demand and fed the same resources, so there is one source for every string.
 */

/** Nested string resources of one namespace in one language. */
export interface Strings {
  readonly [key: string]: string | Strings;
}

/** lang → namespace → strings */
const registry = new Map<string, Map<string, Strings>>();
const listeners = new Set<() => void>();

/** Languages whose strings ship with the library. */
export const SHIPPED_LANGUAGES = ['nl', 'en'] as const;

/** Registers a namespace's shipped strings, e.g. `registerStrings('banner', { nl, en })`. */
export function registerStrings(namespace: string, byLanguage: Readonly<Record<string, Strings>>): void {
  for (const [lang, strings] of Object.entries(byLanguage)) {
    let namespaces = registry.get(lang);
    if (!namespaces) registry.set(lang, (namespaces = new Map()));
    namespaces.set(namespace, strings);
  }
  for (const fn of listeners) fn();
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

/** Called whenever strings are registered (elements re-render). Returns an unsubscribe. */
export function onStringsRegistered(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Looks up `a.b.c` in one language and namespace; undefined when missing. */
export function lookup(lang: string, namespace: string, key: string): string | undefined {
  let node: string | Strings | undefined = registry.get(lang)?.get(namespace);
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Replaces `{{name}}` with the value given; unknown placeholders are left empty. */
export function interpolate(template: string, vars?: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars?.[name] ?? ''));
}

/** `nl-BE` → `nl`, `EN_gb` → `en`; empty or malformed → undefined. */
export function normalizeLanguage(tag: string | null | undefined): string | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return base && /^[a-z]{2,3}$/.test(base) ? base : undefined;
}
