/**
 * What `<privacy-newsletter>` reads from and writes to the page address: the token and action of
 * a mail link (`?token=…&action=confirm`), the swap of a used confirmation token, safe link URLs.
 */

/** What a mail link asks the element to do with its token. */
export type MailLinkAction = 'confirm' | 'unsubscribe' | 'manage';

/** A token to act on, from the element's attributes first, else from the page address. */
export interface MailLink {
  readonly token: string;
  readonly action: MailLinkAction;
}

/** The mail link the page was opened with, or undefined when there is no token. */
export function readMailLink(
  tokenAttribute: string | undefined,
  actionAttribute: string | undefined,
  search: string,
): MailLink | undefined {
  const params = new URLSearchParams(search);
  const token = tokenAttribute ?? params.get('token') ?? '';
  if (!token) return undefined;
  const action = actionAttribute ?? params.get('action');
  // An unknown action only shows the preferences: never a change the visitor did not ask for.
  return { token, action: action === 'confirm' || action === 'unsubscribe' ? action : 'manage' };
}

/**
 * A confirmation token works once; reloading the page with it would say "unknown link". The
 * manage token from the answer takes its place in the address (history entry replaced, no reload).
 */
export function replaceUsedToken(used: string, manageToken: string): void {
  const url = new URL(location.href);
  if (url.searchParams.get('token') !== used) return;
  url.searchParams.set('token', manageToken);
  url.searchParams.delete('action');
  history.replaceState(history.state, '', url);
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
