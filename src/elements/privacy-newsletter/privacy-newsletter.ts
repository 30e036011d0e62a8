import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  createNewsletterClient,
  isValidEmail,
  type NewsletterClient,
  type NewsletterError,
  type NewsletterPreferences,
  type NewsletterResult,
} from '../../core/newsletter.js';
import { ConsentController } from '../consent-controller.js';
import { formatDate, isIsoDate } from '../shared/dates.js';
import { whenPrivacyKit } from '../context.js';
import { I18nController } from '../../i18n/controller.js';
import { registerStrings } from '../../i18n/strings.js';
import en from './locales/en.json';
import nl from './locales/nl.json';
import { CountdownController } from './countdown.js';
import { outcomeOf, type Failure } from './failure.js';
import { readMailLink, replaceUsedToken, safeLinkUrl } from './page-address.js';
import { newsletterStyles } from './privacy-newsletter.styles.js';
import { renderNewsletter, type FieldErrors, type NewsletterView, type PreferenceKey } from './views.js';

registerStrings('newsletter', { nl, en });

/** What changed, in the `privacy-newsletter-change` event. */
export interface NewsletterChangeDetail {
  readonly action: 'subscribe' | 'resend' | 'confirm' | 'update' | 'unsubscribe';
  /** The preferences after the change; absent for `subscribe` and `resend` (the server only says "pending"). */
  readonly preferences?: NewsletterPreferences;
}

/** What the element shows: a view, or `error`/`offline` while a failure with a retry is shown. */
export type NewsletterState = NewsletterView | 'error' | 'offline';

/**
 * Newsletter subscription (double opt-in) and preferences, keeping the privacy statement's
 * promises: an unticked consent box with the statement's revision, open/click measurement as a
 * separate unticked choice, objection to marketing and research, unsubscribe in one action.
 *
 * @summary Subscribe to the newsletter, confirm, manage measurement and objections, unsubscribe.
 * @tag privacy-newsletter
 *
 * @attr endpoint - Newsletter API base URL; defaults to the config's `newsletter.endpoint`.
 * @attr revision - Revision of the consent text shown; defaults to the config's `revision`.
 * @attr token - Token from a mail link; defaults to `?token=` in the page address.
 * @attr action - `confirm`, `unsubscribe` or `manage` for the token; defaults to `?action=`.
 * @attr resend-delay - Seconds before "send again" is enabled (default 60).
 * @attr lang - Language of the texts (`nl`, `en`); defaults to the closest `lang`.
 *
 * @fires privacy-newsletter-change - After each successful change. Detail: `NewsletterChangeDetail`.
 *
 * @csspart heading - The heading of each state.
 * @csspart form - The subscribe form.
 * @csspart email-input - The e-mail field.
 * @csspart consent-checkbox - The required consent checkbox.
 * @csspart measure-checkbox - The optional open/click measurement checkbox.
 * @csspart field-error - An error message under a field.
 * @csspart submit-button - The subscribe button.
 * @csspart resend-button - "Send the e-mail again".
 * @csspart toggle - Each switch in the manage state (`data-preference` names it).
 * @csspart unsubscribe-button - Unsubscribe in one action.
 * @csspart resubscribe-button - Subscribe again after unsubscribing or an invalid link.
 * @csspart alert - The error/offline message.
 * @csspart retry-button - Retry after an error or going offline.
 * @csspart status - The polite live region announcing saved changes.
 * @csspart panel - The box around every state (`data-state` names the state).
 * @csspart revision - The statement revision under the consent box.
 * @csspart change-email-button - "Use a different e-mail address" in the pending state.
 * @csspart subscriber - The (masked) subscribed address in the manage state.
 * @csspart choices - The fieldset with the switches.
 *
 * @cssprop --privacy-font-family - Font family.
 * @cssprop --privacy-font-size - Base font size.
 * @cssprop --privacy-color-text - Text colour.
 * @cssprop --privacy-color-muted - Hints and secondary text.
 * @cssprop --privacy-color-background - Background colour.
 * @cssprop --privacy-color-accent - Buttons and switches.
 * @cssprop --privacy-color-accent-text - Text on accent-coloured buttons.
 * @cssprop --privacy-color-focus - Focus ring.
 * @cssprop --privacy-color-error - Error text and borders.
 * @cssprop --privacy-color-border - Field and panel borders.
 * @cssprop --privacy-radius - Corner radius.
 */
export class PrivacyNewsletter extends LitElement {
  static override styles = newsletterStyles;

  /** Newsletter API base URL; defaults to the config's `newsletter.endpoint`. */
  @property() endpoint?: string;
  /** Revision of the consent text shown; defaults to the config's `revision`. */
  @property() revision?: string;
  /** Token from a mail link; defaults to `?token=` in the page address. */
  @property() token?: string;
  /** What to do with the token: `confirm`, `unsubscribe` or `manage` (default); defaults to `?action=`. */
  @property() action?: string;
  /** Seconds before "send again" is enabled. */
  @property({ attribute: 'resend-delay', type: Number }) resendDelay = 60;
  /** A client to use instead of one made from `endpoint` (tests, custom transports). */
  @property({ attribute: false }) client?: NewsletterClient;
  /** The clock for the resend countdown (ms since epoch); replaceable so tests can move time. */
  @property({ attribute: false }) now: () => number = () => Date.now();

  @state() private view: NewsletterView = 'loading';
  @state() private email = '';
  @state() private consentGiven = false;
  @state() private measureOpens = false;
  @state() private fieldErrors: FieldErrors = {};
  @state() private failure: Failure | null = null;
  @state() private busy = false;
  @state() private preferences: NewsletterPreferences | null = null;
  @state() private sentTo = '';
  @state() private statusMessage = '';
  @state() private invalidReason: 'expired' | 'not-found' = 'not-found';

  readonly #consent = new ConsentController(this);
  readonly #i18n = new I18nController(this, 'newsletter');
  readonly #resendCountdown = new CountdownController(this, () => this.now());
  #manageToken = '';
  #started = false;
  #focusAfterUpdate: 'heading' | 'errors' | 'retry' | null = null;
  readonly #onOnline = (): void => {
    if (this.failure?.kind === 'offline') void this.failure.retry();
  };

  /** The current state, for tests and integrators: a view, or `error`/`offline` while a retry is offered. */
  get state(): NewsletterState {
    if (this.failure?.kind === 'offline') return 'offline';
    return this.failure ? 'error' : this.view;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    if (!this.#started) {
      this.#started = true;
      void this.#start();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
  }

  protected override render(): unknown {
    const revision = this.#revision();
    const lang = this.#i18n.lang;
    return renderNewsletter({
      t: (key, vars) => this.#i18n.t(key, vars),
      view: this.view,
      email: this.email,
      consentGiven: this.consentGiven,
      measureOpens: this.measureOpens,
      fieldErrors: this.fieldErrors,
      failure: this.failure,
      busy: this.busy,
      preferences: this.preferences,
      sentTo: this.sentTo,
      resendSeconds: this.#resendCountdown.secondsLeft,
      statusMessage: this.statusMessage,
      invalidReason: this.invalidReason,
      revision,
      revisionDate: revision !== undefined && isIsoDate(revision) ? formatDate(revision, lang) : undefined,
      policyUrl: safeLinkUrl(this.#consent.kit?.config.privacyPolicyUrl),
      on: {
        email: (value) => (this.email = value),
        consent: (checked) => (this.consentGiven = checked),
        measure: (checked) => (this.measureOpens = checked),
        submit: () => this.#submit(),
        resend: () => this.#resend(),
        changeEmail: () => this.#show('subscribe'),
        preference: (key, value) => this.#updatePreference(key, value),
        unsubscribe: () => this.#unsubscribe(),
        resubscribe: () => this.#resubscribe(),
      },
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const focus = this.#focusAfterUpdate;
    this.#focusAfterUpdate = null;
    const root = this.renderRoot as ShadowRoot;
    if (focus === 'heading') root.querySelector<HTMLElement>('[data-focus="heading"]')?.focus();
    if (focus === 'retry') root.querySelector<HTMLElement>('[part="retry-button"]')?.focus();
    if (focus === 'errors') root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** Decides the first view: a mail link's token is acted on, otherwise the subscribe form. */
  async #start(): Promise<void> {
    const link = readMailLink(this.token, this.action, location.search);
    if (!link) {
      this.view = 'subscribe';
      return;
    }
    if (!this.#client()) {
      // npm users may call usePrivacyKit() after this element connects; until then say it is not ready.
      this.view = 'unavailable';
      await whenPrivacyKit();
      this.view = 'loading';
    }
    const { token, action } = link;
    if (action === 'confirm') {
      await this.#run(
        (client) => client.confirm(token),
        ({ preferences, manageToken }) => {
          this.#manageToken = manageToken;
          replaceUsedToken(token, manageToken);
          this.#showPreferences(preferences, 'confirmed', false);
          this.#emit({ action: 'confirm', preferences });
        },
      );
    } else if (action === 'unsubscribe') {
      this.#manageToken = token;
      await this.#unsubscribe(false);
    } else {
      this.#manageToken = token;
      await this.#run(
        (client) => client.getPreferences(token),
        (preferences) => this.#showPreferences(preferences, 'manage', false),
      );
    }
  }

  #client(): NewsletterClient | undefined {
    if (this.client) return this.client;
    const kit = this.#consent.kit;
    const endpoint = this.endpoint ?? kit?.config.newsletter?.endpoint;
    if (!endpoint) return undefined;
    return createNewsletterClient({ endpoint, consentId: () => this.#consent.kit?.getConsent()?.id });
  }

  #revision(): string | undefined {
    return this.revision ?? this.#consent.kit?.config.revision;
  }

  /**
   * Runs one request: a success calls `onSuccess`, a failure becomes a UI state whose retry runs
   * the same request again — with what the visitor typed still in place.
   */
  async #run<T>(
    request: (client: NewsletterClient) => Promise<NewsletterResult<T>>,
    onSuccess: (value: T) => void,
    onFailure?: (error: NewsletterError) => void,
  ): Promise<void> {
    const client = this.#client();
    if (!client) {
      console.error(
        'privacy-newsletter: no newsletter endpoint; set the `endpoint` attribute or `newsletter.endpoint` in the config',
      );
      this.#show('unavailable');
      return;
    }
    this.busy = true;
    this.failure = null;
    this.statusMessage = '';
    const result = await request(client);
    this.busy = false;
    if (result.ok) {
      onSuccess(result.value);
      return;
    }
    onFailure?.(result.error);
    this.#fail(result.error, () => this.#run(request, onSuccess, onFailure));
  }

  #fail(error: NewsletterError, retry: () => Promise<void>): void {
    const outcome = outcomeOf(error, this.view === 'subscribe', retry);
    if (outcome.show === 'invalid-link') {
      this.invalidReason = outcome.reason;
      this.#show('invalid-link');
    } else if (outcome.show === 'email-error') {
      this.fieldErrors = { email: 'emailInvalid' };
      this.#focusAfterUpdate = 'errors';
    } else {
      this.failure = outcome.failure;
      if (outcome.failure.kind !== 'rate-limited') this.#focusAfterUpdate = 'retry';
    }
  }

  #submit(): void {
    const email = this.email.trim();
    const errors: { email?: 'emailRequired' | 'emailInvalid'; consent?: 'consentRequired' } = {};
    if (!email) errors.email = 'emailRequired';
    else if (!isValidEmail(email)) errors.email = 'emailInvalid';
    if (!this.consentGiven) errors.consent = 'consentRequired';
    this.fieldErrors = errors;
    if (errors.email || errors.consent) {
      this.#focusAfterUpdate = 'errors';
      return;
    }
    const revision = this.#revision();
    if (!revision) {
      console.error(
        'privacy-newsletter: no revision; set the `revision` attribute or `revision` in the config',
      );
      this.#show('unavailable');
      return;
    }
    const subscription = {
      email,
      revision,
      // The exact wording the visitor ticked, stored by the server as proof of consent.
      consentText: this.#i18n.t('subscribe.consent'),
      measureOpens: this.measureOpens,
      language: this.#i18n.lang,
    };
    void this.#run(
      (client) => client.subscribe(subscription),
      () => {
        this.sentTo = email;
        this.#resendCountdown.start(this.resendDelay);
        this.#show('pending');
        this.#emit({ action: 'subscribe' });
      },
    );
  }

  #resend(): void {
    const email = this.sentTo;
    void this.#run(
      (client) => client.resend(email),
      () => {
        this.#resendCountdown.start(this.resendDelay);
        this.statusMessage = this.#i18n.t('pending.resent');
        this.#emit({ action: 'resend' });
      },
      // The server said when it will take another request: the button waits exactly that long.
      (error) => {
        if (error.kind === 'rate-limited' && error.retryAfter) this.#resendCountdown.start(error.retryAfter);
      },
    );
  }

  #updatePreference(key: PreferenceKey, value: boolean): void {
    const before = this.preferences;
    const revision = this.#revision();
    if (!before) return;
    if (!revision) {
      console.error(
        'privacy-newsletter: no revision; set the `revision` attribute or `revision` in the config',
      );
      this.#show('unavailable');
      return;
    }
    // Show the new position at once; put it back if the server does not store it.
    this.preferences = { ...before, [key]: value };
    void this.#run(
      (client) => client.updatePreferences(this.#manageToken, { revision, [key]: value }),
      (preferences) => {
        this.preferences = preferences;
        this.statusMessage = this.#i18n.t('manage.saved');
        this.#emit({ action: 'update', preferences });
      },
      () => (this.preferences = before),
    );
  }

  async #unsubscribe(moveFocus = true): Promise<void> {
    const revision = this.#revision();
    await this.#run(
      (client) => client.unsubscribe(this.#manageToken, revision),
      (preferences) => {
        this.preferences = preferences;
        this.#show('unsubscribed', moveFocus);
        this.#emit({ action: 'unsubscribe', preferences });
      },
    );
  }

  #resubscribe(): void {
    // A new subscription is a new decision: both boxes start unticked again.
    this.consentGiven = false;
    this.measureOpens = false;
    this.fieldErrors = {};
    this.#show('subscribe');
  }

  #showPreferences(
    preferences: NewsletterPreferences,
    view: 'confirmed' | 'manage',
    moveFocus: boolean,
  ): void {
    this.preferences = preferences;
    this.#show(preferences.status === 'unsubscribed' ? 'unsubscribed' : view, moveFocus);
  }

  #show(view: NewsletterView, moveFocus = true): void {
    this.view = view;
    this.failure = null;
    // Never steal focus on page load; after a visitor's action, focus follows them to the new state.
    if (moveFocus) this.#focusAfterUpdate = 'heading';
  }

  #emit(detail: NewsletterChangeDetail): void {
    this.dispatchEvent(
      new CustomEvent('privacy-newsletter-change', { detail, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'privacy-newsletter': PrivacyNewsletter;
  }
  interface HTMLElementEventMap {
    'privacy-newsletter-change': CustomEvent<NewsletterChangeDetail>;
  }
  interface DocumentEventMap {
    'privacy-newsletter-change': CustomEvent<NewsletterChangeDetail>;
  }
}
