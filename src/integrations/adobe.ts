/**
 * Adobe consent: the Web SDK (`alloy('setConsent', …)`) and the ECID opt-in service used by
 * AppMeasurement (`adobe.optIn.approve/deny` + `complete`). Adobe Tags (Launch) is plain blocked
 * content and needs nothing here.
 */
import type { PrivacyKit, ServiceConfig } from '../core/types.js';

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

/** The Web SDK instance a service talks to; undefined for an AppMeasurement one. */
const instanceOf = (service: ServiceConfig) =>
  service.adobe?.mode == 'appmeasurement' ? undefined : (service.adobe?.instance ?? 'alloy');

/**
 * A Web SDK instance has one consent (`collect`) for every service that sends through it: with
 * Analytics and Target on one `alloy`, a refused Target must not collect because Analytics is
 * granted. So an instance collects only while all its services are granted.
 */
const instanceGranted = (kit: PrivacyKit, instance: string | undefined) =>
  adobeServices(kit).every(([name, s]) => instanceOf(s) != instance || kit.isGranted(name));

/**
 * The `defaultConsent` for the site's `alloy('configure', …)`: `'in'` when the visitor already
 * granted every service on that instance (the given service's, else every Web SDK service's),
 * else `'out'`. Never `'pending'`: that still writes cookies.
 */
export function adobeDefaultConsent(kit: PrivacyKit, service?: string): 'in' | 'out' {
  const web = adobeServices(kit).filter(([name, s]) => instanceOf(s) && (!service || name == service));
  return web.length && web.every(([, s]) => instanceGranted(kit, instanceOf(s))) ? 'in' : 'out';
}

/**
 * Is the service granted, or without one: some Adobe service that may use the ECID opt-in service
 * (any not set to the Web SDK)? A refused AppMeasurement must not be approved because Target on
 * the Web SDK is granted.
 */
const optInGranted = (kit: PrivacyKit, service?: string): boolean =>
  service
    ? kit.isGranted(service)
    : adobeServices(kit).some(([name, s]) => s.adobe?.mode != 'websdk' && kit.isGranted(name));

/**
 * `previousPermissions` for `Visitor.getInstance(orgId, { doesOptInApply: true, previousPermissions })`:
 * analytics (`aa`) and ECID as the stored decision says.
 */
export function adobePreviousPermissions(kit: PrivacyKit, service?: string): { aa: boolean; ecid: boolean } {
  const granted = optInGranted(kit, service);
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
    for (const [, service] of adobeServices(kit)) {
      const instance = instanceOf(service);
      const alloy = instance && w[instance];
      if (typeof alloy == 'function' && first(alloy, decision)) {
        const val = instanceGranted(kit, instance) ? 'y' : 'n';
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
      if (optInGranted(kit)) optIn.approve(categories, true);
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
