/**
 * The UI bundle the script-tag loader imports lazily (`dist/ui/privacy-kit-ui.js`), after it has
 * set `window.privacyKit`. Everything fetched before the banner is usable counts against a
 * size budget, so this entry defines only the banner; the preferences dialog, i18next and the
 * other `privacy-*` elements (the settings button too) are separate chunks loaded when needed.
 */
import './elements/privacy-banner/index.js';
import { whenPrivacyKit } from './elements/context.js';
import { wirePreferences } from './elements/shared/connect-preferences.js';

/** Tags defined on demand: the chunk is fetched only when such an element appears in the page. */
const lazyElements: Readonly<Record<string, () => Promise<unknown>>> = {
  'privacy-preferences': () => import('./elements/privacy-preferences/index.js'),
  'privacy-settings-button': () => import('./elements/privacy-settings-button/index.js'),
  'privacy-gate': () => import('./elements/privacy-gate/index.js'),
  'privacy-statement': () => import('./elements/privacy-statement/index.js'),
  'privacy-cookie-table': () => import('./elements/privacy-cookie-table/index.js'),
  'privacy-consent-id': () => import('./elements/privacy-consent-id/index.js'),
  'privacy-newsletter': () => import('./elements/privacy-newsletter/index.js'),
};

const requested = new Set<string>();

function define(tag: string): void {
  const load = lazyElements[tag];
  if (!load || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  // A failed chunk request may be retried when the next such element appears.
  load().catch((error: unknown) => {
    requested.delete(tag);
    console.error(error);
  });
}

function defineUndefinedIn(root: ParentNode): void {
  for (const tag of Object.keys(lazyElements)) if (root.querySelector(tag)) define(tag);
}

function watchForLazyElements(): void {
  defineUndefinedIn(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.localName in lazyElements) define(node.localName);
        defineUndefinedIn(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

watchForLazyElements();
void whenPrivacyKit().then((kit) => {
  wirePreferences(kit, async () => {
    await (lazyElements['privacy-preferences']?.() ?? Promise.resolve());
  });
  // Overrides and extra languages work from the shipped lookup at once; i18next follows in the background.
  if (Object.keys(kit.config.translations).length > 0)
    void import('./i18n/i18n.js').then((m) => m.loadI18next());
});
