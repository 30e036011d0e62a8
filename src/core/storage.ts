/**
 * With `cookie-read.ts` (the loader's reader), the only code that reads or writes the consent
 * cookie; reading goes through js-cookie here, which is loaded for writing anyway. Every write is
 * read back: browsers refuse a wrong `domain` or a blocked cookie silently (known-failure #6), and
 * the visitor's decision must then at least last for the page.
 */
import Cookies from 'js-cookie';
import type { ResolvedConfig } from './types.js';

/** Where the encoded decision is kept; tests inject one per simulated browser. */
export interface CookieAdapter {
  /** The raw value, or undefined when there is none. */
  read(): string | undefined;
  /** Stores the value; false when the browser refused it (the decision is then page-only). */
  write(value: string): boolean;
  remove(): void;
}

/**
 * The consent cookie in `document.cookie`: path `/`, `SameSite` and `domain` from the config,
 * `Secure` on https, expiring after `maxAgeDays`.
 */
export function cookieStorage(
  cookie: ResolvedConfig['cookie'],
  warn: (message: string) => void = (m) => console.warn(m),
): CookieAdapter {
  // The codec already produces cookie-safe text; written raw, the value stays readable by servers.
  const jar = Cookies.withConverter<string>({ read: (v) => v, write: (v) => v });
  let domain = cookie.domain;
  let warned = false;
  let unshadowed = false;
  const secure = location.protocol === 'https:';
  const attributes = () => ({
    path: '/',
    // Browsers refuse SameSite=None without Secure, which plain http cannot set (a dev server).
    sameSite: secure || cookie.sameSite != 'None' ? cookie.sameSite : 'Lax',
    secure,
    expires: cookie.maxAgeDays,
    ...(domain ? { domain } : {}),
  });
  const adapter: CookieAdapter = {
    read: () => jar.get(cookie.name),
    write(value) {
      jar.set(cookie.name, value, attributes());
      if (jar.get(cookie.name) === value) return true;
      // A cookie of the same name elsewhere (host-only, or for a parent domain an earlier config
      // used) comes first in `document.cookie`: the decision would be lost on the next page.
      if (!unshadowed) {
        unshadowed = true;
        // Host-only (no domain), then this host and each parent domain; not where ours goes.
        for (const d of ['', ...location.hostname.split('.').map((_, i, l) => l.slice(i).join('.'))])
          if (d != (domain ?? '')) jar.remove(cookie.name, { path: '/', domain: d });
        return adapter.write(value);
      }
      if (domain) {
        const refused = domain;
        domain = undefined;
        // Said only when the host takes it: with cookies blocked, the domain is not the problem.
        const kept = adapter.write(value);
        if (kept) warn(`privacy-kit: cookie domain "${refused}" refused; using this host only`);
        return kept;
      }
      if (!warned) warn('privacy-kit: cookies blocked; the decision lasts for this page only');
      warned = true;
      return false;
    },
    remove() {
      jar.remove(cookie.name, attributes());
      jar.remove(cookie.name, { path: '/' });
    },
  };
  return adapter;
}

/** A cookie-less adapter (server rendering, tests): the decision lasts as long as the object. */
export function memoryStorage(initial?: string): CookieAdapter {
  let value = initial;
  return {
    read: () => value,
    write: (v) => ((value = v), true),
    remove: () => void (value = undefined),
  };
}
