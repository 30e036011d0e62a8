/**
 * Deletes the cookies of refused services: tags recreate their cookies unless told to stop, and
 * what they already wrote stays until deleted (known-failure #1). Runs on withdrawal and on page
 * load when a stored decision refuses a service and such cookies are there (the script-tag loader
 * checks with `hasRefusedCookies()` before it loads this code).
 */
import Cookies from 'js-cookie';
import type { PrivacyKit } from '../core/types.js';
import { matchingCookies, refusals } from './cookie-patterns.js';

/**
 * The domains a script may have set a cookie on, from `host`: none (host-only) first, then the
 * host and each parent domain, stopping before the top-level domain. IP addresses and
 * single-label hosts (`localhost`) only have host-only cookies. Browsers refuse public suffixes
 * such as `co.uk` anyway, so trying one is harmless.
 */
export function cookieDomains(host: string): (string | undefined)[] {
  const labels = /^[\d.]+$|:/.test(host) ? [] : host.split('.');
  // One per label but the last: the host, its parent, … up to the domain under the top level.
  return [undefined, ...labels.slice(1).map((_, i) => labels.slice(i).join('.'))];
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
  const names = matchingCookies(patterns, keep, Object.keys(Cookies.get()));
  for (const name of names) {
    for (const domain of cookieDomains(location.hostname)) {
      for (const path of ['/', ...paths]) Cookies.remove(name, domain ? { domain, path } : { path });
    }
  }
  return names;
}

/**
 * Clears refused services' cookies on install (stored refusals) and on each change that refuses
 * one. Returns a function that stops listening.
 */
export function installCookieCleaner(kit: PrivacyKit): () => void {
  const run = () => cleanRefused(kit);
  run();
  return kit.subscribe(run);
}

/** Clears the cookies of the services refused now (also after a late script set some). */
export function cleanRefused(kit: PrivacyKit): void {
  const [refused, keep, paths] = refusals(kit);
  if (refused.length) clearCookies(refused, keep, paths);
}
