/**
 * What `<privacy-newsletter>` reads from the page address and keeps for the tab: the token and
 * action of a mail link (`?token=…&action=confirm`), taken out of the address bar once read, and
 * safe link URLs.
 */

/** What a mail link asks the element to do with its token. */
export type MailLinkAction = 'confirm' | 'unsubscribe' | 'manage';

/**
 * Where a token came from: the `token` attribute, the page address (also when a page template
 * copied it from there into the attribute), or this tab's keeping.
 */
export type MailLinkSource = 'attribute' | 'address' | 'tab';

/** A token to act on. */
export interface MailLink {
  readonly token: string;
  readonly action: MailLinkAction;
  readonly source: MailLinkSource;
}

const TAB_KEY = 'privacy-newsletter-token';

/**
 * The token to act on: the element's attributes first, then the page address, then the manage
 * token this tab kept from an earlier visit (a reload after confirming). Undefined: no token.
 */
export function readMailLink(
  tokenAttribute: string | undefined,
  actionAttribute: string | undefined,
  search: string,
): MailLink | undefined {
  const params = new URLSearchParams(search);
  const fromAddress = params.get('token') ?? '';
  const token = tokenAttribute ?? fromAddress;
  if (!token) {
    const kept = keptToken();
    return kept ? { token: kept, action: 'manage', source: 'tab' } : undefined;
  }
  const action = actionAttribute ?? params.get('action');
  return {
    token,
    // An unknown action only shows the preferences: never a change the visitor did not ask for.
    action: action === 'confirm' || action === 'unsubscribe' ? action : 'manage',
    source: tokenAttribute === undefined || tokenAttribute === fromAddress ? 'address' : 'attribute',
  };
}

/**
 * Takes `token` and `action` out of the address bar (history entry replaced, no reload). The
 * token is a secret: left in the address, it would reach analytics loaded after consent (Google
 * Analytics reports the address as page_location), bookmarks and shared links.
 */
export function removeTokenFromAddress(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('token') && !url.searchParams.has('action')) return;
  url.searchParams.delete('token');
  url.searchParams.delete('action');
  history.replaceState(history.state, '', url);
}

/**
 * Keeps a manage token for this tab only (sessionStorage: gone when the tab closes, never sent
 * anywhere), so a reload still shows the settings. A confirmation token is never kept: it works once.
 */
export function keepToken(token: string): void {
  try {
    sessionStorage.setItem(TAB_KEY, token);
  } catch {
    // Storage blocked or full: the settings stay usable until the page is left.
  }
}

/** Forgets the kept token if it is `token` (it stopped working), or whatever is kept. */
export function forgetToken(token?: string): void {
  try {
    if (token === undefined || sessionStorage.getItem(TAB_KEY) === token) sessionStorage.removeItem(TAB_KEY);
  } catch {
    // nothing kept
  }
}

function keptToken(): string | undefined {
  try {
    return sessionStorage.getItem(TAB_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Only http(s) (or relative) URLs from config become an `href`: never `javascript:`. */
export function safeLinkUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url, location.href);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
