/**
 * Talking to the newsletter server for the flow: which client (the element's own, else one made
 * from the endpoint), the busy flag while a request runs, and what a failure means for the
 * visitor (failure.ts) — with a retry that repeats the same request.
 */
import {
  createNewsletterClient,
  type NewsletterClient,
  type NewsletterError,
  type NewsletterResult,
} from '../../core/newsletter.js';
import type { PrivacyKit } from '../../core/types.js';
import { outcomeOf } from './failure.js';
import type { FlowState, FocusTarget } from './flow.js';
import type { NewsletterView } from './views.js';

/** What the runner reads from and changes in the flow. */
export interface RequestSink {
  readonly ownClient: () => NewsletterClient | undefined;
  readonly endpoint: () => string | undefined;
  readonly kit: () => PrivacyKit | undefined;
  readonly state: () => FlowState;
  readonly set: (patch: Partial<FlowState>) => void;
  readonly show: (view: NewsletterView) => void;
  readonly focusAfterUpdate: (target: FocusTarget) => void;
  /** A link that stopped working (expired, revoked): not offered again on reload. */
  readonly forgetLink: () => void;
  /** "Try again" waits this many seconds (0: at once). */
  readonly waitBeforeRetry: (seconds: number) => void;
}

export class RequestRunner {
  readonly #sink: RequestSink;
  /** Requests on their way: quick switches can overlap, and the flow is busy until the last answers. */
  #running = 0;

  constructor(sink: RequestSink) {
    this.#sink = sink;
  }

  /** The client requests go through, or undefined when no endpoint is set up. */
  client(): NewsletterClient | undefined {
    const own = this.#sink.ownClient();
    if (own) return own;
    const endpoint = this.#sink.endpoint() ?? this.#sink.kit()?.config.newsletter?.endpoint;
    if (!endpoint) return undefined;
    return createNewsletterClient({ endpoint, consentId: () => this.#sink.kit()?.getConsent()?.id });
  }

  /**
   * Runs one request: a success calls `onSuccess`, a failure becomes a UI state whose retry runs
   * the same request again — with what the visitor typed still in place.
   */
  async run<T>(
    request: (client: NewsletterClient) => Promise<NewsletterResult<T>>,
    onSuccess: (value: T) => void,
    onFailure?: (error: NewsletterError) => void,
  ): Promise<void> {
    const client = this.client();
    if (!client) {
      console.error(
        'privacy-newsletter: no newsletter endpoint; set the `endpoint` attribute or `newsletter.endpoint` in the config',
      );
      this.#sink.show('unavailable');
      return;
    }
    this.#running++;
    this.#sink.set({ busy: true, failure: null, statusMessage: '' });
    const result = await request(client);
    this.#running--;
    this.#sink.set({ busy: this.#running > 0 });
    if (result.ok) {
      onSuccess(result.value);
      return;
    }
    onFailure?.(result.error);
    this.#fail(result.error, () => this.run(request, onSuccess, onFailure));
  }

  #fail(error: NewsletterError, retry: () => Promise<void>): void {
    const sink = this.#sink;
    const { view } = sink.state();
    const outcome = outcomeOf(error, view === 'subscribe', view !== 'subscribe' && view !== 'pending', retry);
    if (outcome.show === 'invalid-link') {
      sink.forgetLink();
      sink.set({ invalidReason: outcome.reason });
      sink.show('invalid-link');
    } else if (outcome.show === 'email-error') {
      sink.set({ fieldErrors: { email: 'emailInvalid' } });
      sink.focusAfterUpdate('errors');
    } else {
      // A 503 with Retry-After (the confirmation mail failed): a quicker retry would be held back by
      // the server's mail limit and answered "pending" with no mail, so "try again" waits as asked.
      sink.waitBeforeRetry(outcome.failure.retryAfter ?? 0);
      sink.set({ failure: outcome.failure });
      if (outcome.failure.kind !== 'rate-limited') sink.focusAfterUpdate('retry');
    }
  }
}
