/**
 * What a failed newsletter request means for the visitor: a link that no longer works, an
 * address to correct on the form, or a failure shown with a retry that repeats the request.
 */
import type { NewsletterError } from '../../core/newsletter.js';

/** A failed request shown with a retry that repeats it. */
export interface Failure {
  readonly kind: 'error' | 'offline' | 'rate-limited';
  readonly retry: () => Promise<void>;
  /** Seconds the server asked to wait (`Retry-After` of a 429 or 503); "try again" waits as long. */
  readonly retryAfter?: number;
}

/** How the element answers one failed request. */
export type FailureOutcome =
  | { readonly show: 'invalid-link'; readonly reason: 'expired' | 'not-found' }
  | { readonly show: 'email-error' }
  | { readonly show: 'failure'; readonly failure: Failure };

/**
 * Classifies `error`; `onForm` tells whether the subscribe form is showing (where a field error can
 * go), `viaLink` whether the request carried a mail link's token (only then is a 404 a dead link).
 */
export function outcomeOf(
  error: NewsletterError,
  onForm: boolean,
  viaLink: boolean,
  retry: () => Promise<void>,
): FailureOutcome {
  switch (error.kind) {
    case 'not-found':
    case 'expired':
      // Subscribing and resending carry no token: a 404 there is a wrong endpoint or a proxy.
      if (!viaLink) return { show: 'failure', failure: { kind: 'error', retry } };
      return { show: 'invalid-link', reason: error.kind };
    case 'validation':
      // A truncated or mangled link fails the token's format check: for the visitor, an unknown link.
      if (error.fields.token !== undefined) return { show: 'invalid-link', reason: 'not-found' };
      // The server refused the address: show it on the field, as the client-side check would.
      if (error.fields.email !== undefined && onForm) return { show: 'email-error' };
      return { show: 'failure', failure: { kind: 'error', retry } };
    case 'rate-limited': {
      const { retryAfter } = error;
      const failure: Failure =
        retryAfter === undefined
          ? { kind: 'rate-limited', retry }
          : { kind: 'rate-limited', retry, retryAfter };
      return { show: 'failure', failure };
    }
    case 'network':
      return { show: 'failure', failure: { kind: 'offline', retry } };
    case 'server':
      return {
        show: 'failure',
        failure:
          error.retryAfter === undefined
            ? { kind: 'error', retry }
            : { kind: 'error', retry, retryAfter: error.retryAfter },
      };
  }
}
