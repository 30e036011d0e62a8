/**
 * The script-tag entry (`dist/privacy-kit.js`, a classic synchronous script, first in `<head>`).
 * Synchronously: the gtag stub and Consent Mode `default`, the config, the store, the
 * integrations and `window.privacyKit`. The UI (Lit) is loaded only when a decision is needed, the
 * page holds a `privacy-*` element, or `showPreferences()` is called. Must stay under 3 KB brotli.
 */
import { formatErrors, validateConfig } from './core/config.js';
import { lazyReceiptQueue } from './core/lazy-receipts.js';
import { createStore, type ReceiptQueueFactory } from './core/store.js';
import type { ConsentEvents, PrivacyKit } from './core/types.js';
import { pushConsentDefault } from './integrations/google.js';
import { installIntegrations } from './integrations/index.js';

declare global {
  interface Window {
    privacyKit?: PrivacyKit;
  }
}

const PREFIX = 'privacy-kit: ';
const fail = (message: string): void => console.error(PREFIX + message);

type Method = (...args: unknown[]) => unknown;

/**
 * `window.privacyKit`: stable from the first moment, forwarding to the store once the config is
 * known. Before that, and for good when the config is invalid, actions do nothing (`getConsent()`
 * is null, nothing is granted) and `ready` still resolves.
 */
function boot(script: HTMLScriptElement | null): void {
  const nonce = script?.nonce;
  const base = script?.src || location.href;
  let kit: PrivacyKit | undefined;
  let ui: Promise<void> | undefined;
  let started: () => void = () => {};
  const ready = new Promise<void>((resolve) => (started = resolve));

  const loadUI = (): Promise<void> =>
    (ui ||= new Promise<void>((resolve) => {
      // A module script made by this (nonced) script is trusted under 'strict-dynamic'.
      const s = document.createElement('script');
      s.type = 'module';
      s.src = new URL('ui/privacy-kit-ui.js', base).href;
      if (nonce) s.nonce = nonce;
      s.onload = () => resolve();
      s.onerror = () => resolve(fail('could not load the UI from ' + s.src));
      document.head.append(s);
    }));
  const wantUI = () => ready.then(() => kit && loadUI());

  const whenBody = (fn: () => void) =>
    document.body ? fn() : document.addEventListener('DOMContentLoaded', fn, { once: true });
  const showBanner = () => {
    void loadUI();
    whenBody(
      () =>
        document.querySelector('privacy-banner') ||
        document.body.append(document.createElement('privacy-banner')),
    );
  };

  const forward =
    (name: keyof PrivacyKit, inert?: unknown): Method =>
    (...args) =>
      kit ? (kit[name] as Method)(...args) : inert;
  const on = <K extends keyof ConsentEvents>(event: K, fn: (detail: ConsentEvents[K]) => void) => {
    if (kit) return kit.on(event, fn);
    let off: () => void = () => {};
    let live = true;
    void ready.then(() => live && kit && (off = kit.on(event, fn)));
    return () => {
      live = false;
      off();
    };
  };
  const api = {
    ready,
    get config() {
      return kit?.config;
    },
    getConsent: forward('getConsent', null),
    getStoredConsent: forward('getStoredConsent', null),
    needsDecision: forward('needsDecision', false),
    needsDecisionReason: forward('needsDecisionReason', null),
    isGranted: forward('isGranted', false),
    acceptAll: forward('acceptAll', null),
    rejectAll: forward('rejectAll', null),
    update: forward('update', null),
    reset: forward('reset'),
    destroy: forward('destroy'),
    // The UI module listens for `show-preferences`: it must be loaded before the event fires.
    showPreferences: (opener?: Element | null) => void wantUI().then(() => kit?.showPreferences(opener)),
    on,
    subscribe: (fn: (detail: ConsentEvents['change']) => void) => on('change', fn),
  };
  // The forwarding methods are typed loosely to stay small; their behaviour is PrivacyKit's.
  window.privacyKit = api as unknown as PrivacyKit;

  // `undefined` means the problem was already reported: one console.error per failure.
  const start = (input: unknown) => {
    try {
      const result = input === undefined ? undefined : validateConfig(input);
      pushConsentDefault(result?.ok ? result.value.google.waitForUpdate : undefined);
      if (result && !result.ok) fail('invalid config: ' + formatErrors(result.errors));
      if (result?.ok) {
        // The receipt sender is an ES module next to the UI, imported only when there is a receipt.
        kit = createStore(
          result.value,
          {},
          lazyReceiptQueue(() =>
            import(new URL('ui/privacy-kit-receipts.js', base).href).then(
              (m: { receiptQueue: ReceiptQueueFactory }) => m.receiptQueue,
            ),
          ),
        );
        kit.on('needs-decision', showBanner);
        installIntegrations(kit, nonce ? { nonce } : {});
      }
    } catch (error) {
      fail(String(error));
    }
    started();
  };

  // Elements on the page (CMS content, SPA routes) need the UI; the parser inserts them later.
  const isOurs = (n: Node) =>
    n instanceof Element &&
    [n, ...Array.from(n.getElementsByTagName('*'))].some((e) => e.localName.startsWith('privacy-'));
  const observer = new MutationObserver((records) => {
    if (records.some((r) => Array.from(r.addedNodes).some(isOurs))) {
      observer.disconnect();
      void wantUI();
    }
  });
  observer.observe(document, { childList: true, subtree: true });

  const url = script?.dataset.config;
  const inline = document.getElementById('privacy-kit-config');
  if (url) {
    pushConsentDefault();
    fetch(new URL(url, location.href), { credentials: 'same-origin' })
      .then((response) =>
        response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status)),
      )
      .then(start, (error: unknown) => {
        fail(`could not load the config from ${url}: ${String(error)}`);
        start(undefined);
      });
  } else if (inline) {
    let input: unknown;
    try {
      input = JSON.parse(inline.textContent ?? '');
    } catch (error) {
      fail('#privacy-kit-config is not valid JSON: ' + String(error));
    }
    start(input);
  } else {
    fail(
      'no config: add <script type="application/json" id="privacy-kit-config"> or a data-config URL to the privacy-kit script',
    );
    start(undefined);
  }
}

// Including the script twice is harmless: the second copy finds the first one's API and stops.
if (!window.privacyKit) boot(document.currentScript as HTMLScriptElement | null);
