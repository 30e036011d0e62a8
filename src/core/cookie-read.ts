/**
 * Reading cookies without js-cookie, for the script-tag loader: it reads the consent cookie on
 * every page and writes it (through `storage.ts`, with js-cookie) only when a decision is made.
 */

/** `document.cookie`, or nothing where reading it throws (a sandboxed iframe without a real origin). */
const jar = (): string => {
  try {
    return document.cookie;
  } catch {
    return '';
  }
};

/**
 * The raw value of the cookie `name`, or undefined. The codec writes cookie-safe text only, so
 * reading needs no decoding: this is what lets the script-tag loader leave js-cookie (0.5 KB of
 * its 3 KB budget) to the code that writes, where attributes, expiry and encoding matter.
 */
export const readCookie = (name: string): string | undefined =>
  jar()
    .split('; ')
    .find((c) => c.startsWith(name + '='))
    ?.slice(name.length + 1);

/**
 * Names of the cookies this page can see, as `document.cookie` spells them (not URI-decoded:
 * enough to tell whether a `_ga`-like cookie is there). HttpOnly cookies are invisible to script.
 */
export function rawCookieNames(): string[] {
  const cookies = jar();
  return cookies ? cookies.split('; ').map((c) => c.split('=', 1)[0]!) : [];
}
