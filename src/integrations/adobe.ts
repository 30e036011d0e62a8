/**
 * Adobe consent: the Web SDK (`alloy('setConsent', …)`) and the ECID opt-in service used by
 * AppMeasurement (`adobe.optIn.approve/deny` + `complete`). Adobe Tags (Launch) is plain blocked
 * content and needs nothing here.
 */
import type { PrivacyKit, ServiceConfig } from '../core/types.js';

type AdobeMode = NonNullable<NonNullable<ServiceConfig['adobe']>['mode']>;

/** The part of the ECID opt-in service (`adobe.optIn`, VisitorAPI.js) this module uses. */
export interface AdobeOptIn {
  approve(categories: string[], shouldWaitForComplete?: boolean): void;
  deny(categories: string[], shouldWaitForComplete?: boolean): void;
  complete(): void;
}

/** `window.adobe` as VisitorAPI.js defines it. */
export interface AdobeGlobal {
  optIn?: AdobeOptIn;
  OptInCategories?: { ANALYTICS: string; ECID: string };
}

declare global {
  interface Window {
    adobe?: AdobeGlobal;
  }
}

/** Is this service an Adobe tag (by name or by its `adobe` block)? */
export const isAdobeService = (name: string, service: ServiceConfig): boolean =>
  !!service.adobe || name == 'adobe-analytics';

const adobeServices = (kit: PrivacyKit) =>
  Object.entries(kit.config.services).filter(([name, service]) => isAdobeService(name, service));

/**
 * Is the service granted now, or without one: some Adobe service that may use this library (any
 * not set to the `other` one)? A refused AppMeasurement must not be approved because Target on the
 * Web SDK is granted, nor the reverse.
 */
const adobeGranted = (kit: PrivacyKit, service: string | undefined, other: AdobeMode): boolean =>
  service
    ? kit.isGranted(service)
    : adobeServices(kit).some(([name, s]) => s.adobe?.mode != other && kit.isGranted(name));

/**
 * The `defaultConsent` for the site's `alloy('configure', …)`: `'in'` when the visitor already
 * granted the Adobe service, else `'out'`. Never `'pending'`: that still writes cookies.
 */
export function adobeDefaultConsent(kit: PrivacyKit, service?: string): 'in' | 'out' {
  return adobeGranted(kit, service, 'appmeasurement') ? 'in' : 'out';
}

/**
 * `previousPermissions` for `Visitor.getInstance(orgId, { doesOptInApply: true, previousPermissions })`:
 * analytics (`aa`) and ECID as the stored decision says.
 */
export function adobePreviousPermissions(kit: PrivacyKit, service?: string): { aa: boolean; ecid: boolean } {
  const granted = adobeGranted(kit, service, 'websdk');
  return { aa: granted, ecid: granted };
}

/**
 * Sends the decision to every Adobe library on the page: `setConsent` to each Web SDK instance
 * (`alloy`, or the service's `adobe.instance`), approve/deny to the ECID opt-in service. Runs on
 * install, on DOMContentLoaded and load (the site's base code and `configure` run by then), and on
 * each decision; nothing is sent while no decision exists, but a reset after one is sent as a
 * refusal. Returns a function that stops listening.
 */
export function installAdobe(kit: PrivacyKit): () => void {
  // Page-load sends reach each library once; every decision reaches all of them again.
  const told = new WeakSet<object>();
  const first = (target: object, decision: boolean) => {
    const fresh = !told.has(target);
    told.add(target);
    return decision || fresh;
  };
  // After a decision was sent, a reset (here or from another tab) must reach Adobe as a refusal.
  let sent = false;
  const send = (change?: unknown) => {
    const decision = !!change;
    if (!kit.getConsent() && !(sent && decision)) return;
    sent = true;
    const w = window as unknown as Record<string, unknown>;
    for (const [name, service] of adobeServices(kit)) {
      const alloy = w[service.adobe?.instance ?? 'alloy'];
      if (service.adobe?.mode != 'appmeasurement' && typeof alloy == 'function' && first(alloy, decision)) {
        const val = kit.isGranted(name) ? 'y' : 'n';
        // A rejected command (e.g. configure missing) must not surface as an unhandled rejection.
        const result: unknown = alloy('setConsent', {
          consent: [{ standard: 'Adobe', version: '2.0', value: { collect: { val } } }],
        });
        if (result instanceof Promise)
          result.catch((error: unknown) => console.warn('privacy-kit: alloy setConsent failed', error));
      }
    }
    const { optIn, OptInCategories } = window.adobe ?? {};
    if (optIn && OptInCategories && first(optIn, decision)) {
      const categories = [OptInCategories.ANALYTICS, OptInCategories.ECID];
      if (adobeGranted(kit, undefined, 'websdk')) optIn.approve(categories, true);
      else optIn.deny(categories, true);
      optIn.complete();
    }
  };
  const onLoad = () => send();
  onLoad();
  document.addEventListener('DOMContentLoaded', onLoad);
  addEventListener('load', onLoad);
  const unsubscribe = kit.subscribe(send);
  return () => {
    unsubscribe();
    document.removeEventListener('DOMContentLoaded', onLoad);
    removeEventListener('load', onLoad);
  };
}
