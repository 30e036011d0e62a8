/**
 * What happens in `<privacy-newsletter>`, apart from how it looks: the state the visitor sees
 * (which view, what they typed, a failure with its retry), and every step that changes it — the
 * mail link acted on at start, subscribing, resending, switching a preference, unsubscribing.
 * A reactive controller: the element renders `flow.state` and forwards the visitor's actions.
 */
import type { ReactiveController } from 'lit';
import { isValidEmail, type NewsletterPreferences } from '../../core/newsletter.js';
import { whenPrivacyKit } from '../context.js';
import { CountdownController } from './countdown.js';
import { INITIAL_STATE, type FlowContext, type FlowHost, type FlowState } from './flow-state.js';
import { forgetToken, keepToken, readMailLink, removeTokenFromAddress } from './page-address.js';
import { PreferenceChanges } from './preference-changes.js';
import { RequestRunner } from './requests.js';
import type { NewsletterView, PreferenceKey } from './views.js';

export type { FlowContext, FlowHost, FlowState, FocusTarget, NewsletterChangeDetail } from './flow-state.js';

export class NewsletterFlow implements ReactiveController {
  readonly #host: FlowHost;
  readonly #ctx: FlowContext;
  readonly #resendCountdown: CountdownController;
  readonly #retryCountdown: CountdownController;
  readonly #requests: RequestRunner;
  readonly #preferences = new PreferenceChanges();
  #state: FlowState = INITIAL_STATE;
  #manageToken = '';
  /** The token of a confirmation link, until the visitor confirms; `keep`: this tab keeps the manage token. */
  #confirmLink: { readonly token: string; readonly keep: boolean } | undefined;
  /** An unsubscribe is on its way: a second press waits for it (switch saves do not hold it up). */
  #unsubscribing = false;
  #started = false;

  constructor(host: FlowHost, ctx: FlowContext) {
    this.#host = host;
    this.#ctx = ctx;
    this.#resendCountdown = new CountdownController(host, () => host.now());
    this.#retryCountdown = new CountdownController(host, () => host.now());
    this.#requests = new RequestRunner({
      ownClient: () => host.client,
      endpoint: () => host.endpoint,
      kit: ctx.kit,
      state: () => this.#state,
      set: (patch) => this.#set(patch),
      show: (view) => this.#show(view),
      focusAfterUpdate: ctx.focusAfterUpdate,
      forgetLink: () => forgetToken(this.#manageToken),
      waitBeforeRetry: (seconds) => this.#retryCountdown.start(seconds),
    });
    host.addController(this);
  }

  /** What the visitor sees now. */
  get state(): FlowState {
    return this.#state;
  }

  /** Seconds before "send again" works. */
  get resendSeconds(): number {
    return this.#resendCountdown.secondsLeft;
  }

  /** Seconds before "try again" works, as long as the server asked after a failure. */
  get retrySeconds(): number {
    return this.#retryCountdown.secondsLeft;
  }

  hostConnected(): void {
    if (this.#started) return;
    this.#started = true;
    void this.#start();
  }

  #set(patch: Partial<FlowState>): void {
    this.#state = { ...this.#state, ...patch };
    this.#host.requestUpdate();
  }

  /** The visitor typed or ticked something on the subscribe form. */
  edit(patch: Partial<Pick<FlowState, 'email' | 'consentGiven' | 'measureOpens'>>): void {
    // A failure's retry would send the form as it was: once the visitor changes it, the failure
    // (and the retry on reconnecting) is gone, and "subscribe" sends what the form shows.
    this.#set({ ...patch, failure: null });
    this.#retryCountdown.start(0);
  }

  /** Going back online retries what failed for want of a connection. */
  online(): void {
    if (this.#state.failure?.kind === 'offline') void this.#state.failure.retry();
  }

  /** Decides the first view: a mail link's token is acted on, otherwise the subscribe form. */
  async #start(): Promise<void> {
    const link = readMailLink(this.#host.token, this.#host.action, location.search);
    if (!link) {
      this.#set({ view: 'subscribe' });
      return;
    }
    // Out of the address bar before anything else can read it (analytics, a shared link).
    if (link.source === 'address') removeTokenFromAddress();
    // A token the integrator set as an attribute is theirs to keep; the others this tab keeps
    // (once out of the address, a reload has no other copy).
    const mine = link.source !== 'attribute';
    const keep = (token: string): void => {
      if (mine) keepToken(token);
    };
    if (!this.#requests.client()) {
      // npm users may call usePrivacyKit() after this element connects; until then say it is not ready.
      this.#set({ view: 'unavailable' });
      await whenPrivacyKit();
      this.#set({ view: 'loading' });
    }
    const { token, action } = link;
    if (action === 'confirm') {
      // A click confirms, not the page load: mail scanners open links in mails, some running
      // scripts, and must not complete a double opt-in for someone who never asked.
      this.#confirmLink = { token, keep: mine };
      this.#show('confirm', false);
    } else if (action === 'unsubscribe') {
      this.#manageToken = token;
      // Kept as a manage link: a reload shows the unsubscribed state rather than unsubscribing again.
      keep(token);
      await this.unsubscribe(false);
    } else {
      this.#manageToken = token;
      keep(token);
      await this.#requests.run(
        (client) => client.getPreferences(token),
        (preferences) => this.#showPreferences(preferences, 'manage', false),
      );
    }
  }

  /** "Confirm" on the page a confirmation link opened. */
  async confirm(): Promise<void> {
    const link = this.#confirmLink;
    if (!link) return;
    await this.#requests.run(
      (client) => client.confirm(link.token),
      ({ preferences, manageToken }) => {
        this.#confirmLink = undefined;
        this.#manageToken = manageToken;
        if (link.keep) keepToken(manageToken);
        this.#showPreferences(preferences, 'confirmed', true);
        this.#ctx.emit({ action: 'confirm', preferences });
      },
      () => this.#set({ invalidConfirm: true }),
    );
  }

  /** The revision to send, or undefined after saying (console and view) that none is set up. */
  #revisionOrUnavailable(): string | undefined {
    const revision = this.#ctx.revision();
    if (!revision) {
      console.error(
        'privacy-newsletter: no revision; set the `revision` attribute or `revision` in the config',
      );
      this.#show('unavailable');
    }
    return revision;
  }

  /** "Subscribe": checks the form, then asks the server to send the confirmation mail. */
  submit(): void {
    const email = this.#state.email.trim();
    const errors: { email?: 'emailRequired' | 'emailInvalid'; consent?: 'consentRequired' } = {};
    if (!email) errors.email = 'emailRequired';
    else if (!isValidEmail(email)) errors.email = 'emailInvalid';
    if (!this.#state.consentGiven) errors.consent = 'consentRequired';
    this.#set({ fieldErrors: errors });
    if (errors.email || errors.consent) {
      this.#ctx.focusAfterUpdate('errors');
      return;
    }
    const revision = this.#revisionOrUnavailable();
    if (!revision) return;
    const subscription = {
      email,
      revision,
      // The exact wording the visitor ticked, stored by the server as proof of consent.
      consentText: this.#ctx.t('subscribe.consent'),
      measureOpens: this.#state.measureOpens,
      language: this.#ctx.lang(),
    };
    void this.#requests.run(
      (client) => client.subscribe(subscription),
      () => {
        this.#set({ sentTo: email });
        this.#resendCountdown.start(this.#host.resendDelay);
        this.#show('pending');
        this.#ctx.emit({ action: 'subscribe' });
      },
    );
  }

  /** "Send the e-mail again". */
  resend(): void {
    const email = this.#state.sentTo;
    void this.#requests.run(
      (client) => client.resend(email),
      () => {
        this.#resendCountdown.start(this.#host.resendDelay);
        this.#set({ statusMessage: this.#ctx.t('pending.resent') });
        this.#ctx.emit({ action: 'resend' });
      },
      // The server said when it will take another request: the button waits exactly that long.
      (error) => {
        const wait = error.kind === 'rate-limited' || error.kind === 'server' ? error.retryAfter : 0;
        if (wait) this.#resendCountdown.start(wait);
      },
    );
  }

  /**
   * One switch in the manage state; shown at once, put back if the server does not store it.
   * Switches stay usable meanwhile (disabling the focused one would drop keyboard focus), so
   * several changes can be on their way: each answer settles only its own switch.
   */
  updatePreference(key: PreferenceKey, value: boolean): void {
    if (!this.#state.preferences) return;
    const revision = this.#revisionOrUnavailable();
    if (!revision) return;
    const change = this.#preferences.ask(key, value);
    this.#set({ preferences: this.#preferences.shown });
    void this.#requests.run(
      (client) => client.updatePreferences(this.#manageToken, { revision, [key]: value }),
      (preferences) => {
        this.#preferences.stored(change, key, preferences);
        this.#set({ preferences: this.#preferences.shown, statusMessage: this.#ctx.t('manage.saved') });
        this.#ctx.emit({ action: 'update', preferences });
      },
      () => {
        this.#preferences.failed(change, key);
        this.#set({ preferences: this.#preferences.shown });
      },
    );
  }

  /** Unsubscribe in one action. */
  async unsubscribe(moveFocus = true): Promise<void> {
    if (this.#unsubscribing) return;
    this.#unsubscribing = true;
    const revision = this.#ctx.revision();
    await this.#requests.run(
      (client) => client.unsubscribe(this.#manageToken, revision),
      (preferences) => {
        this.#preferences.reset(preferences);
        this.#set({ preferences });
        this.#show('unsubscribed', moveFocus);
        this.#ctx.emit({ action: 'unsubscribe', preferences });
      },
      // A dead unsubscribe link most often means an earlier click already worked.
      () => this.#set({ invalidUnsubscribe: true }),
    );
    this.#unsubscribing = false;
  }

  /** Back to the form after unsubscribing or a dead link. */
  resubscribe(): void {
    // Starting over: a reload shows the form, not an old link's state.
    forgetToken();
    // A new subscription is a new decision: both boxes start unticked again.
    this.#set({
      consentGiven: false,
      measureOpens: false,
      fieldErrors: {},
      invalidUnsubscribe: false,
      invalidConfirm: false,
    });
    this.#show('subscribe');
  }

  /** "Use a different e-mail address" while waiting for the confirmation. */
  changeEmail(): void {
    this.#show('subscribe');
  }

  #showPreferences(
    preferences: NewsletterPreferences,
    view: 'confirmed' | 'manage',
    moveFocus: boolean,
  ): void {
    this.#preferences.reset(preferences);
    this.#set({ preferences });
    this.#show(preferences.status === 'unsubscribed' ? 'unsubscribed' : view, moveFocus);
  }

  #show(view: NewsletterView, moveFocus = true): void {
    // The last view's "saved" or "sent again" must not stand beside the next one.
    this.#set({ view, failure: null, statusMessage: '' });
    // Never steal focus on page load; after a visitor's action, focus follows them to the new state.
    if (moveFocus) this.#ctx.focusAfterUpdate('heading');
  }
}
