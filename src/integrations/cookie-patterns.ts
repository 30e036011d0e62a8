/**
 * Which cookies refused services set: the built-in lists for Google and Adobe, a service's own
 * `cookies`, and the names on the page that match them. Pure apart from reading cookie names; the
 * script-tag loader asks `hasRefusedCookies()` on every page, `cookie-cleaner.ts` deletes them.
 */
import { rawCookieNames } from '../core/cookie-read.js';
import type { PrivacyKit, ServiceConfig } from '../core/types.js';
import { isAdobeService } from './adobe.js';
import { grantsGoogleType, isGoogleService } from './google-consent.js';

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

/** The part of GOOGLE_COOKIES Google sets for ads (`ad_storage`), not for measurement. */
export const GOOGLE_AD_COOKIES: readonly string[] = GOOGLE_COOKIES.slice(-2);

/** Google's cookies by the Consent Mode type that allows them: the rest is measurement. */
const GOOGLE_BY_TYPE = [
  ['analytics_storage', GOOGLE_COOKIES.slice(0, -2)],
  ['ad_storage', GOOGLE_AD_COOKIES],
] as const;

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
  if (isGoogleService(name, service)) patterns.push(...GOOGLE_COOKIES);
  if (isAdobeService(name, service)) patterns.push(...ADOBE_COOKIES);
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

/** The cookie `names` that match `patterns` and none of `keep`. */
export function matchingCookies(
  patterns: readonly string[],
  keep: readonly string[],
  names: readonly string[],
): string[] {
  const matcher = (list: readonly string[]) => {
    const regexps = list.map(patternToRegExp);
    return (name: string) => regexps.some((r) => r.test(name));
  };
  const doomed = matcher(patterns);
  const kept = matcher(keep);
  return names.filter((name) => doomed(name) && !kept(name));
}

/**
 * What a decision refuses: the cookie patterns of refused services, those a still-granted
 * service also claims (a shared `_ga`) or that are the consent cookie itself, and extra paths.
 * Google's cookies follow the Consent Mode type Google is told (`analytics_storage`, `ad_storage`)
 * rather than the service: with ad storage denied, a granted Google Analytics keeps `_ga`, but the
 * `_gcl_*`/`_gac_*` an earlier grant left go; with analytics denied, `_ga` goes though Ads stays.
 */
export function refusals(kit: PrivacyKit): [refused: string[], keep: string[], paths: string[]] {
  const { services, cookie } = kit.config;
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
  // A granted Google service keeps only the cookies Google is told it may set: refusing analytics
  // takes `_ga` even while Google Ads (marketing) stays on, as denying ad storage takes `_gcl_*`.
  let kept = keep;
  for (const [type, cookies] of GOOGLE_BY_TYPE)
    if (keep.includes('_ga') && !grantsGoogleType(kit, type)) {
      refused.push(...cookies);
      kept = kept.filter((p) => !cookies.includes(p));
    }
  return [refused, kept, paths];
}

/** Are there cookies of refused services on this page (left by a tag, another tab or an earlier set-up)? */
export function hasRefusedCookies(kit: PrivacyKit): boolean {
  const [refused, keep] = refusals(kit);
  return matchingCookies(refused, keep, rawCookieNames()).length > 0;
}
