/**
 * Deletes the cookies of refused services: tags recreate their cookies unless told to stop, and
 * what they already wrote stays until deleted (known-failure #1). Runs on withdrawal and on page
 * load when a stored decision refuses a service (cookies left by a grant in another tab).
 */
import Cookies from 'js-cookie';
import type { PrivacyKit, ServiceConfig } from '../core/types.js';

/** Cookies Google Analytics / Ads and GTM set (names or `*` patterns). */
export const GOOGLE_COOKIES: readonly string[] = [
  '_ga',
  '_ga_*',
  '_gid',
  '_gat',
  '_gat_*',
  '_dc_gtm_*',
  '_gac_*',
  '_gcl_*',
];

/** Cookies AppMeasurement, ECID, the Web SDK and Target set. */
export const ADOBE_COOKIES: readonly string[] = [
  's_cc',
  's_sq',
  's_vi',
  's_fid',
  's_ecid',
  's_ac',
  'AMCV_*',
  'AMCVS_*',
  'adobeujs-optin',
  'kndctr_*',
  'mbox',
  'mboxEdgeCluster',
];

/** The cookie name patterns a service is known to set: built-in lists plus its `cookies`. */
export function serviceCookiePatterns(name: string, service: ServiceConfig): string[] {
  const patterns = (service.cookies ?? []).map((c) => (typeof c == 'string' ? c : c.name));
  if (service.google || name == 'google-analytics') patterns.push(...GOOGLE_COOKIES);
  if (service.adobe || name == 'adobe-analytics') patterns.push(...ADOBE_COOKIES);
  return patterns;
}

/** `_ga_*` → a RegExp matching whole names; every other character is literal. */
const patternToRegExp = (pattern: string): RegExp =>
  new RegExp(
    '^' +
      pattern
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  );

/**
 * The domains a script may have set a cookie on, from `host`: none (host-only) first, then the
 * host and each parent domain, stopping before the top-level domain. IP addresses and
 * single-label hosts (`localhost`) only have host-only cookies. Browsers refuse public suffixes
 * such as `co.uk` anyway, so trying one is harmless.
 */
export function cookieDomains(host: string): (string | undefined)[] {
  const domains: (string | undefined)[] = [undefined];
  if (/^[\d.]+$|:/.test(host)) return domains;
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/**
 * Deletes every cookie whose name matches one of `patterns` (and none of `keep`) on the host
 * and every parent domain, at `/` and each of `paths`. HttpOnly cookies are invisible to script
 * and cannot be deleted here. Returns the names found.
 */
export function clearCookies(
  patterns: readonly string[],
  keep: readonly string[] = [],
  paths: readonly string[] = [],
): string[] {
  const match = (list: readonly string[]) => {
    const regexps = list.map(patternToRegExp);
    return (name: string) => regexps.some((r) => r.test(name));
  };
  const doomed = match(patterns);
  const kept = match(keep);
  const names = Object.keys(Cookies.get()).filter((name) => doomed(name) && !kept(name));
  for (const name of names) {
    for (const domain of cookieDomains(location.hostname)) {
      for (const path of ['/', ...paths]) Cookies.remove(name, domain ? { domain, path } : { path });
    }
  }
  return names;
}

/**
 * Clears a service's cookies whenever it is refused: on install (stored refusals) and on each
 * change that refuses it. Cookies that a still-granted service also claims (a shared `_ga`) and
 * the consent cookie itself are kept. Returns a function that stops listening.
 */
export function installCookieCleaner(kit: PrivacyKit): () => void {
  const { services, cookie } = kit.config;
  const run = () => {
    const refused: string[] = [];
    const keep = [cookie.name];
    const paths: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      const patterns = serviceCookiePatterns(name, service);
      if (kit.isGranted(name)) keep.push(...patterns);
      else {
        refused.push(...patterns);
        paths.push(...(service.cookiePaths ?? []));
      }
    }
    if (refused.length) clearCookies(refused, keep, paths);
  };
  run();
  return kit.subscribe(run);
}
