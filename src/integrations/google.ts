/**
 * Google Consent Mode v2: the gtag stub, the `default` command before any Google tag, an
 * `update` on every decision and page load, `ga-disable-<id>` on withdrawal, and (when a service
 * says `"load": true`) injecting gtag.js or GTM once granted.
 */
import { GOOGLE_CONSENT_TYPES } from '../core/defaults.js';
import type { GoogleConsentType, PrivacyKit, ResolvedConfig, ServiceConfig } from '../core/types.js';
import { grantsGoogleType, isGoogleService } from './google-consent.js';

export { isGoogleService } from './google-consent.js';

/** The gtag function: pushes its `arguments` object onto `window.dataLayer`. */
export type Gtag = (...args: unknown[]) => void;

declare global {
  interface Window {
    dataLayer?: unknown[];
    gtag?: Gtag;
  }
}

/** `granted` or `denied` per consent type, as gtag expects it. */
export type GoogleConsent = Partial<Record<GoogleConsentType, 'granted' | 'denied'>>;

/** Options of {@link installGoogle}. */
export interface GoogleOptions {
  /** Nonce copied onto the gtag.js / GTM script the library injects (strict CSP). */
  readonly nonce?: string;
}

const GTM = 'https://www.googletagmanager.com/';

/**
 * Defines `window.dataLayer` and `window.gtag` unless the page already has them, and returns
 * gtag. gtag.js ignores arrays: the stub must push the real `arguments` object.
 */
export function ensureGtagStub(): Gtag {
  const w = window;
  w.dataLayer ||= [];
  // A function expression, not an arrow: only it has its own `arguments`. The layer is looked up
  // at each call, as Google's own snippet does: a page that later assigns a new `dataLayer` array
  // (an old GTM pattern) must still get our updates, withdrawals above all.
  return (w.gtag ||= function gtag() {
    // eslint-disable-next-line prefer-rest-params
    (w.dataLayer ||= []).push(arguments);
  });
}

/**
 * Is `entry` a gtag `consent default` command for every region already on the dataLayer? One for
 * some regions only (`region: ['US']`) leaves every other visitor without a default.
 */
const isDefault = (entry: unknown): boolean =>
  Object.prototype.toString.call(entry) == '[object Arguments]' &&
  (entry as IArguments)[0] == 'consent' &&
  (entry as IArguments)[1] == 'default' &&
  !(entry as IArguments)[2]?.region;

/**
 * Pushes the Consent Mode v2 `default` (everything denied but `security_storage`) unless one for
 * every region is already on the dataLayer. Must run before gtag.js or GTM load (known-failure #4).
 */
export function pushConsentDefault(waitForUpdate = 500): void {
  const gtag = ensureGtagStub();
  if (window.dataLayer?.some(isDefault)) return;
  const denied: Record<string, unknown> = consentFor(() => false);
  denied.wait_for_update = waitForUpdate;
  gtag('consent', 'default', denied);
}

function consentFor(granted: (type: GoogleConsentType) => boolean): GoogleConsent {
  const consent: GoogleConsent = { security_storage: 'granted' };
  // security_storage (fraud prevention, login) is always granted; the default denies the rest.
  for (const type of GOOGLE_CONSENT_TYPES) consent[type] = granted(type) ? 'granted' : 'denied';
  return consent;
}

/** The consent types granted by the current decision, through `config.google.consentMap`. */
export function googleConsent(kit: PrivacyKit): GoogleConsent {
  return consentFor((type) => grantsGoogleType(kit, type));
}

/** Injects a script once (by src), with the loader's nonce so `strict-dynamic` trusts it. */
function inject(src: string, nonce: string | undefined): void {
  if (document.querySelector(`script[src="${src}"]`)) return;
  const script = document.createElement('script');
  script.async = true;
  script.src = src;
  if (nonce) script.nonce = nonce;
  document.head.append(script);
}

/**
 * Loads the tag of a `"load": true` service: gtag.js with `js`/`config` for a measurement id, or
 * the GTM container; warns when the service names neither. `tags` holds the ids (and `js`)
 * already pushed: two services sharing a tag must not count every page view twice.
 */
function loadTag(
  name: string,
  service: ServiceConfig,
  gtag: Gtag,
  nonce: string | undefined,
  tags: Set<string>,
): void {
  const { measurementId, containerId } = service.google ?? {};
  const first = (key: string) => !tags.has(key) && tags.add(key);
  if (containerId && first(containerId)) {
    window.dataLayer?.push({ 'gtm.start': Date.now(), event: 'gtm.js' });
    inject(GTM + 'gtm.js?id=' + encodeURIComponent(containerId), nonce);
  }
  if (measurementId && first(measurementId)) {
    if (first('js')) gtag('js', new Date());
    gtag('config', measurementId);
    inject(GTM + 'gtag/js?id=' + encodeURIComponent(measurementId), nonce);
  }
  if (!measurementId && !containerId) {
    console.warn(
      `privacy-kit: services.${name} has "load": true but no google.measurementId or google.containerId; nothing loaded`,
    );
  }
}

/**
 * Wires Consent Mode to the store: `default` now (if not yet pushed), `update` when a decision is
 * stored and on each decision (consent-gating.md: one per decision), `ga-disable-<id>` while a Google
 * service is refused, and the library-loaded tags once granted (basic mode) or at once (advanced).
 * Returns a function that stops listening.
 */
export function installGoogle(kit: PrivacyKit, options: GoogleOptions = {}): () => void {
  const config: ResolvedConfig = kit.config;
  const gtag = ensureGtagStub();
  pushConsentDefault(config.google.waitForUpdate);
  const advanced = config.google.mode == 'advanced';
  const loaded = new Set<string>();
  const tags = new Set<string>();
  const wasGranted = new Set<string>();
  let told = false;

  const apply = () => {
    // One update per decision and per page load with a stored one (a reset after one denies
    // again; the analytics exemption grants without one), before any library-loaded tag's
    // `config`, so its first hit sees it.
    if (kit.getConsent() || told || config.analyticsExemption) {
      gtag('consent', 'update', googleConsent(kit));
      told = true;
    }
    // Ids with a granted service: a tag two services share stays on while either is granted.
    const on: Record<string, boolean> = {};
    for (const [name, service] of Object.entries(config.services)) {
      if (!isGoogleService(name, service)) continue;
      const granted = kit.isGranted(name);
      const id = service.google?.measurementId;
      // Advanced mode keeps cookieless pings until a grant is actually withdrawn.
      if (id && (!advanced || granted || wasGranted.has(name))) {
        (window as unknown as Record<string, boolean>)['ga-disable-' + id] = !(on[id] ||= granted);
      }
      if (granted) wasGranted.add(name);
      if (service.load && (granted || advanced) && !loaded.has(name)) {
        loaded.add(name);
        loadTag(name, service, gtag, options.nonce, tags);
      }
    }
  };
  apply();
  return kit.subscribe(apply);
}
