/**
 * The one i18next instance, loaded on demand: the banner's first paint never waits for it
 * (it costs ~15 KB brotli). The preferences dialog, extra languages and config overrides load it;
 * once loaded, every I18nController looks strings up through it (plurals, formatting).
 * It is fed the same resources as the sync registry (strings.ts) plus config `translations`.
 */
import type { i18n as I18next } from 'i18next';
import { getPrivacyKit } from '../elements/context.js';
import { allResources, onStringsRegistered, setTranslator, type Strings } from './strings.js';

type Resources = Record<string, Record<string, Strings>>;

let loading: Promise<I18next | undefined> | undefined;
let stopListening: (() => void) | undefined;

/** Turns flat config overrides (`{ de: { 'banner.title': '…' } }`) into i18next's nested resources. */
export function overridesToResources(
  translations: Readonly<Record<string, Readonly<Record<string, string>>>>,
): Resources {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [lang, table] of Object.entries(translations)) {
    for (const [dotted, text] of Object.entries(table)) {
      if (typeof text !== 'string') continue;
      const [ns, ...path] = dotted.split('.');
      const last = path.pop();
      // `__proto__`, `constructor`…: walking those would write onto every object of the page.
      if (!ns || !last || [lang, ns, ...path, last].some((part) => part in Object.prototype)) continue;
      let node: Record<string, unknown> = ((out[lang] ??= {})[ns] ??= {});
      for (const part of path) {
        const next = node[part];
        node = (typeof next === 'object' && next !== null ? next : (node[part] = {})) as Record<
          string,
          unknown
        >;
      }
      node[last] = text;
    }
  }
  return out as Resources;
}

/**
 * Loads and initialises i18next once; resolves with the instance (undefined if loading failed —
 * the shipped strings keep working, so a failed chunk request never blanks the UI).
 */
export function loadI18next(): Promise<I18next | undefined> {
  loading ??= (async () => {
    try {
      const { default: i18next } = await import('i18next');
      const instance = i18next.createInstance();
      const config = getPrivacyKit()?.config;
      await instance.init({
        resources: allResources(),
        lng: config?.language ?? 'nl',
        // The controller walks the fallback chain itself, per language.
        fallbackLng: false,
        // Lit renders text, never HTML: escaping here would show `&lt;` to visitors.
        interpolation: { escapeValue: false },
        returnNull: false,
        showSupportNotice: false,
      } as Parameters<I18next['init']>[0]);
      for (const [lang, namespaces] of Object.entries(overridesToResources(config?.translations ?? {}))) {
        for (const [ns, strings] of Object.entries(namespaces))
          instance.addResourceBundle(lang, ns, strings, true, true);
      }
      stopListening = onStringsRegistered(() => {
        for (const [lang, namespaces] of Object.entries(allResources())) {
          for (const [ns, strings] of Object.entries(namespaces)) {
            if (!instance.hasResourceBundle(lang, ns))
              instance.addResourceBundle(lang, ns, strings, true, false);
          }
        }
      });
      // i18next picks the template (language, plural form); the controller fills in the variables,
      // in one pass. Letting i18next interpolate would hand it config text (a provider named
      // "Acme {{count}}", "$t(…)") as values, and its output would then be read as a template again.
      setTranslator((lang, ns, key, count) => {
        const options = { lng: lang, ns, skipInterpolation: true, ...(count === undefined ? {} : { count }) };
        return instance.exists(key, options) ? instance.t(key, options) : undefined;
      });
      return instance;
    } catch (error) {
      console.warn('privacy-kit: i18next could not be loaded; using the shipped strings', error);
      return undefined;
    }
  })();
  return loading;
}

/** Is i18next loaded and in use? */
export function isI18nextLoaded(): boolean {
  return loading !== undefined;
}

/** @internal Drop the instance (tests that switch configs). */
export function resetI18nextForTests(): void {
  stopListening?.();
  stopListening = undefined;
  loading = undefined;
  setTranslator(undefined);
}
