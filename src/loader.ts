/**
 * The script-tag entry (`dist/privacy-kit.js`, a classic synchronous script, first in `<head>`).
 * Synchronously: the gtag stub and Consent Mode `default`, the config, the stored decision, the
 * integrations and `window.privacyKit`. That is all a returning visitor downloads. The decision
 * code and the config validator (`ui/privacy-kit-runtime.js`) and the UI (`ui/privacy-kit-ui.js`,
 * Lit) are imported only when a decision is needed, the page holds a `privacy-*` element, the
 * config is new to this browser, another tab decides, or an action is called.
 */
import { checksum } from './core/cookie-codec.js';
import { resolveConfig } from './core/defaults.js';
import {
  createEmitter,
  createHolder,
  readerOf,
  reasonOf,
  type ConsentHolder,
  type ConsentReader,
} from './core/state.js';
import { readCookie } from './core/cookie-read.js';
import type { SyncMessage } from './core/sync.js';
import type {
  ConsentEvents,
  PagePrivacyKit,
  PrivacyKit,
  PrivacyKitConfig,
  ResolvedConfig,
} from './core/types.js';
import type { ConsentWriter } from './core/writer.js';
import { installAdobe } from './integrations/adobe.js';
import { installBlockedContent } from './integrations/blocked-content.js';
import { hasRefusedCookies } from './integrations/cookie-patterns.js';
import { installGoogle, pushConsentDefault } from './integrations/google.js';
import type * as Runtime from './runtime.js';

declare global {
  interface Window {
    /** The page's consent API, set by the script-tag loader (`privacy-kit.js`). */
    privacyKit?: PagePrivacyKit;
  }
}

/**
 * Names the modules this loader lends the runtime (scripts/lend.mjs, which writes it in): the
 * runtime is asked for under it, so no cache pairs this loader with a runtime of another build.
 */
declare const LENT_KEY: string;

const PREFIX = 'privacy-kit: ';
const fail = (message: string): undefined => void console.error(PREFIX + message);
/** Checksums of config texts this browser validated already (space-separated, newest first). */
const TRUSTED = 'privacy-kit:valid-configs';

type Method = (...args: unknown[]) => unknown;
type Action = 'acceptAll' | 'rejectAll' | 'update' | 'reset';

/**
 * JSON from a URL relative to the page, or a rejection naming the HTTP status. A server that never
 * answers must not hold the banner, `ready` and every action for good: after 8 s it is a failure.
 * Async, so an address `URL` cannot parse (a templating slip) rejects too instead of throwing.
 */
const fetchJSON = async (url: string): Promise<unknown> => {
  const response = await fetch(new URL(url, location.href), {
    credentials: 'same-origin',
    signal: AbortSignal.timeout(8e3),
  });
  return response.ok ? response.json() : Promise.reject(Error('HTTP ' + response.status));
};

function trustedConfigs(): string[] {
  try {
    return localStorage.getItem(TRUSTED)?.split(' ') ?? [];
  } catch {
    return []; // Site data blocked: validate every time.
  }
}

/**
 * `window.privacyKit`: stable from the first moment, forwarding to the consent holder once the
 * config is known. Before that, reading methods answer as if nothing were decided and actions
 * wait for the config; for good when the config is invalid, actions do nothing (`getConsent()`
 * is null, nothing is granted) and `ready` still resolves.
 */
function boot(script: HTMLScriptElement | null): void {
  const nonce = script?.nonce;
  const base = script?.src || location.href;
  const chunk = (name: string) => new URL('ui/' + name, base).href;
  let holder: ConsentHolder | undefined;
  let reader: ConsentReader | undefined;
  let writer: ConsentWriter | undefined;
  let runtime: Promise<typeof Runtime | undefined> | undefined;
  let ui: Promise<unknown> | undefined;
  let configured: () => void = () => {};
  let tabs: BroadcastChannel | undefined;
  let settled = false;
  let destroyed = false;
  /** The bound statement's revision could not be read. */
  let unread = false;
  const known = new Promise<void>((resolve) => (configured = resolve));
  // Listeners registered before the config is known stay registered once it is.
  const events = createEmitter();

  // A module imported by this (nonced) script inherits its nonce: trusted under 'strict-dynamic'.
  const load = <T>(name: string) =>
    import(chunk(name)).catch((error) => fail(`could not load ${chunk(name)} (${error})`)) as Promise<
      T | undefined
    >;
  // A chunk that failed to load (a deploy, a network blip) is requested again next time.
  const loadRuntime = () =>
    (runtime ||= load<typeof Runtime>('privacy-kit-runtime.js?v=' + LENT_KEY).then(
      (rt) => rt || (runtime = undefined),
    ));
  // A writer that arrives after destroy() (it was still loading) is closed at once too.
  const attach = (): Promise<ConsentWriter | undefined> =>
    loadRuntime().then(
      (rt) => (
        (writer ||= holder && rt?.attach(holder, api as unknown as PrivacyKit)),
        destroyed && writer?.destroy(),
        writer
      ),
    );
  // A settings button on a returning visitor's page needs the elements, not the decision code:
  // that comes with the banner, the dialog, or the first action.
  const loadUI = (decide?: boolean) => {
    if (decide) void attach();
    return (ui ||= load('privacy-kit-ui.js').then((m) => m || (ui = undefined)));
  };
  const whenBody = (fn: () => void) =>
    document.body ? fn() : document.addEventListener('DOMContentLoaded', fn, { once: true });
  const showBanner = () => {
    void loadUI(true);
    whenBody(
      () =>
        document.querySelector('privacy-banner') ||
        document.body.append(document.createElement('privacy-banner')),
    );
  };

  const read =
    (name: keyof ConsentReader, inert: unknown): Method =>
    (...args) =>
      reader ? (reader[name] as Method)(...args) : inert;
  // Decisions need the runtime: at once when it is here, else once it has loaded (a Promise).
  // Called before a `data-config` has arrived they wait for it; with no usable config, nothing.
  const act =
    (name: Action): Method =>
    (...args) =>
      !holder
        ? settled
          ? null
          : known.then(() => (api[name] as Method)(...args))
        : writer
          ? (writer[name] as Method)(...args)
          : attach().then((w) => (w ? (w[name] as Method)(...args) : null));
  const domReady = new Promise((resolve) => whenBody(() => resolve(0)));
  const api = {
    // Once the page is parsed: if it needs the decision code by then (banner, dialog, an action),
    // also once that is attached, so actions called after `ready` take effect at once.
    ready: known
      .then(() => domReady)
      .then(() => runtime && attach())
      .then(() => {}),
    get config() {
      return holder?.config;
    },
    getConsent: read('getConsent', null),
    getStoredConsent: read('getStoredConsent', null),
    needsDecision: read('needsDecision', false),
    needsDecisionReason: read('needsDecisionReason', null),
    isGranted: read('isGranted', false),
    acceptAll: act('acceptAll'),
    rejectAll: act('rejectAll'),
    update: act('update'),
    reset: act('reset'),
    // The loader's own listeners stay, but what they hear no longer wakes the decision code.
    destroy: () => ((destroyed = true), tabs?.close(), writer?.destroy()),
    // The UI module listens for `show-preferences`: it must be loaded before the event fires.
    showPreferences: (opener?: Element | null) =>
      void known
        .then(() => holder && loadUI(true))
        .then(() => holder?.emit('show-preferences', { opener: opener ?? null })),
    on: events.on,
    subscribe: (fn: (detail: ConsentEvents['change']) => void) => events.on('change', fn),
  };
  // The forwarding methods are typed loosely to stay small; their behaviour is PagePrivacyKit's.
  window.privacyKit = api as unknown as PagePrivacyKit;
  // What a CMS editor can write where a rich-text editor drops unknown tags and inline handlers:
  // <a href="#privacy-settings"> or any element with data-privacy-settings, also added later.
  addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.('[href="#privacy-settings"],[data-privacy-settings]');
    if (link && !destroyed) {
      event.preventDefault();
      api.showPreferences(link);
    }
  });

  const go = (config: ResolvedConfig) => {
    // The integrations hear of a change before the site's listeners, also those added while the
    // config was on its way: a `gtag('event')` in one must follow the Consent Mode update.
    const own = createEmitter();
    holder = createHolder(config, readCookie(config.cookie.name), Date.now, {
      on: own.on,
      emit: (event, detail) => (own.emit(event, detail), events.emit(event, detail)),
    });
    // The statement could not be read: its revision is unknown, not changed. The visitor's last
    // one stands (a blip must not ask everyone again, and record the answer under config.revision).
    if (unread && holder.stored) (config as { revision: string }).revision = holder.stored.revision;
    reader = readerOf(holder);
    const kit = api as unknown as PrivacyKit;
    const first = { ...kit, subscribe: (fn) => own.on('change', fn) } as PrivacyKit;
    installGoogle(first, nonce ? { nonce } : {});
    installAdobe(first);
    // A script that ran after its consent was withdrawn (it was still loading) left cookies behind.
    const lateRun = () => void loadRuntime().then((rt) => rt?.cleanRefused(kit));
    installBlockedContent(first, { nonce, lateRun });
    holder.on('needs-decision', showBanner);
    const why = reasonOf(holder);
    if (why) void known.then(() => holder?.emit('needs-decision', { reason: why }));
    // Another tab's decision, or receipts an earlier page could not send, need the decision code.
    const channel = 'privacy-kit:' + config.cookie.name;
    // The message goes on to the decision code, whose own listener takes over from then on.
    const receive = (message: unknown) =>
      (destroyed ? Promise.resolve(undefined) : attach()).then(
        // Also when destroy() came while the decision code was loading.
        (w) => (destroyed || w?.receive(message as SyncMessage), w),
      );
    if (window.BroadcastChannel) {
      const other = (tabs = new BroadcastChannel(channel));
      // Kept open while the decision code could not load: later decisions must still arrive.
      other.onmessage = (e) => void receive(e.data).then((w) => w && other.close());
    } else
      addEventListener('storage', (e) => {
        try {
          if (e.key == channel && e.newValue) void receive(JSON.parse(e.newValue));
        } catch {
          // Another script's value under our key.
        }
      });
    // No channel reaches a tab on another subdomain sharing the cookie (`cookie.domain`), and a
    // page back from the back/forward cache missed what happened meanwhile: read it again.
    let seen = readCookie(config.cookie.name);
    const recheck = () => {
      const value = readCookie(config.cookie.name);
      if (value != seen) void receive({ value: (seen = value) ?? null, at: Date.now() });
    };
    addEventListener('pageshow', recheck);
    document.addEventListener('visibilitychange', () => document.hidden || recheck());
    if (hasRefusedCookies(kit)) void attach(); // The runtime's cookie cleaner clears them.
    try {
      if ((localStorage.getItem('privacy-kit:receipts:' + config.cookie.name) ?? '[]') != '[]') void attach();
    } catch {
      // Site data blocked: nothing was queued either.
    }
  };

  // `undefined` means the problem was already reported: one console.error per failure.
  const checked = (input: unknown) => {
    const done = (config?: ResolvedConfig) => {
      try {
        if (config) go(config);
        // Without a usable config only `necessary` is granted: what the site marked so still runs.
        else
          installBlockedContent(
            {
              config: resolveConfig({} as PrivacyKitConfig),
              isGranted: (name: string) => name == 'necessary',
              subscribe: () => () => {},
            } as unknown as PrivacyKit,
            { warnUnknown: false, nonce },
          );
      } catch (error) {
        fail('' + error);
      }
      settled = true;
      configured();
    };
    if (input === undefined) return done();
    // Under this build's key: a config an older build accepted meets this one's rules once too.
    const sum = checksum(LENT_KEY + JSON.stringify(input));
    if (trustedConfigs().includes(sum)) return done(resolveConfig(input as PrivacyKitConfig));
    // New to this browser: validate first (the runtime is needed for the banner anyway). With no
    // decision stored the banner will follow: fetch its code meanwhile, not after.
    // (An invalid name only costs a needless fetch: the config is refused below.)
    if (!readCookie((input as PrivacyKitConfig | null)?.cookie?.name ?? 'privacy_consent')) void loadUI();
    void loadRuntime().then((rt) => {
      const result = rt?.validateConfig(input);
      if (!result?.ok) return done(result && fail('invalid config: ' + rt!.formatErrors(result.errors)));
      try {
        localStorage.setItem(TRUSTED, [sum, ...trustedConfigs()].slice(0, 8).join(' '));
      } catch {
        // Not remembered: validated again on the next page.
      }
      done(result.value);
    });
  };
  // A bound statement's revision is the consent revision, read before anything runs (config.ts).
  const start = (input: unknown) => {
    const statement = (input as PrivacyKitConfig | undefined)?.statement;
    if (!statement?.bindRevision || typeof statement.src != 'string') return checked(input);
    void fetchJSON(statement.src)
      .then((doc) => {
        const revision = (doc as { revision?: unknown } | null)?.revision;
        // A revision the config would refuse must not make the whole config invalid. A lone
        // surrogate (which no cookie can hold) makes encodeURIComponent throw: a failure too.
        return typeof revision == 'string' && /^.{1,64}$/.test(encodeURIComponent(revision) && revision)
          ? revision
          : Promise.reject(Error('no revision of 1 to 64 characters'));
      })
      .then(
        (revision) => ({ ...(input as object), revision }),
        (error: unknown) => {
          console.warn(`${PREFIX}could not read the statement's revision (${error})`);
          unread = true;
          return input;
        },
      )
      .then(checked);
  };

  // Elements on the page (CMS content, SPA routes) need the UI; the parser inserts them later, or
  // already has when the loader is not first in <head> (deferred by a speed plugin, say).
  const isOurs = (n: Node) =>
    n instanceof Element &&
    [n, ...n.getElementsByTagName('*')].some((e) => e.localName.startsWith('privacy-'));
  const found = () => {
    observer.disconnect();
    // Also without a usable config: a statement or a newsletter form works without one.
    void known.then(() => loadUI());
  };
  const observer = new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some(isOurs))) found();
  });
  observer.observe(document, { childList: true, subtree: true });
  if (isOurs(document.documentElement)) found();

  const url = script?.dataset.config;
  const inline = document.getElementById('privacy-kit-config');
  let input: unknown;
  if (inline && !url) {
    try {
      input = JSON.parse(inline.textContent ?? '');
    } catch (error) {
      fail('#privacy-kit-config is not valid JSON: ' + error);
    }
  }
  // Before anything else can run; a custom wait_for_update is only taken from an inline config.
  const wait = (input as PrivacyKitConfig | undefined)?.google?.waitForUpdate;
  pushConsentDefault(typeof wait == 'number' && wait >= 0 && wait < 1e9 ? wait : undefined);
  if (url) {
    fetchJSON(url).then(start, (error: unknown) => {
      fail(`could not load the config from ${url}: ${error}`);
      start(undefined);
    });
  } else if (inline) {
    start(input);
  } else {
    fail(
      'no config: add <script type="application/json" id="privacy-kit-config"> before privacy-kit.js, or data-config',
    );
    start(undefined);
  }
}

// Including the script twice is harmless: the second copy finds the first one's API and stops.
if (!window.privacyKit) boot(document.currentScript as HTMLScriptElement | null);
