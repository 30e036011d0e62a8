/**
 * Links from config and markup are limited to http(s): a `javascript:` URL in a config must never
 * become a clickable link or an iframe source. (Its own module: the banner needs only this.)
 */

/** An absolute http(s) URL for `href`, or undefined for anything else (javascript:, data:, garbage). */
export function safeHttpUrl(url: string | undefined | null, hash?: string): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    if (hash !== undefined) parsed.hash = hash;
    return parsed.href;
  } catch {
    return undefined;
  }
}
