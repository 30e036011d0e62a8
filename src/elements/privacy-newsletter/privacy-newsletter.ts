import { LitElement, type PropertyValues } from 'lit';
import type { NewsletterClient } from '../../core/newsletter.js';
import { ConsentController } from '../consent-controller.js';
import { announce, ensureAnnouncer } from '../shared/announcer.js';
import { formatDate, isIsoDate } from '../shared/dates.js';
import { I18nController } from '../../i18n/controller.js';
import { registerStrings } from '../../i18n/strings.js';
import en from './locales/en.json';
import nl from './locales/nl.json';
import { NewsletterFlow, type FocusTarget, type NewsletterChangeDetail } from './flow.js';
import { safeLinkUrl } from './page-address.js';
import { newsletterStyles } from './privacy-newsletter.styles.js';
import { renderNewsletter, type NewsletterView } from './views.js';

registerStrings('newsletter', { nl, en });

export type { NewsletterChangeDetail } from './flow.js';

/** What the element shows: a view, or `error`/`offline` while a failure with a retry is shown. */
export type NewsletterState = NewsletterView | 'error' | 'offline';

/**
 * Newsletter subscription (double opt-in) and preferences, keeping the privacy statement's
 * promises: an unticked consent box with the statement's revision, open/click measurement as a
 * separate unticked choice, objection to marketing and research, unsubscribe in one action (the
 * mail's link). A confirmation link asks for one press: mail scanners open links too.
 *
 * @summary Subscribe to the newsletter, confirm, manage measurement and objections, unsubscribe.
 * @tag privacy-newsletter
 *
 * @attr endpoint - Newsletter API base URL; defaults to the config's `newsletter.endpoint`.
 * @attr revision - Revision of the consent text shown; defaults to the config's `revision`.
 * @attr token - Token from a mail link; defaults to `?token=` in the page address, which the
 *   element then removes from the address bar (the manage token is kept for the tab, in sessionStorage).
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
 * @csspart confirm-button - "Confirm" on the page a confirmation link opened (opening it confirms nothing).
 * @csspart toggle - Each switch in the manage state, and the two objections after unsubscribing (`data-preference` names it).
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
 * @cssprop --privacy-color-scheme - `light` or `dark`; by default the page's (`color-scheme` on `:root`).
 */
export class PrivacyNewsletter extends LitElement {
  static override styles = newsletterStyles;

  static override properties = {
    endpoint: {},
    revision: {},
    token: {},
    action: {},
    resendDelay: { attribute: 'resend-delay', type: Number },
    client: { attribute: false },
    now: { attribute: false },
  };

  /** Newsletter API base URL; defaults to the config's `newsletter.endpoint`. */
  endpoint?: string;
  /** Revision of the consent text shown; defaults to the config's `revision`. */
  revision?: string;
  /** Token from a mail link; defaults to `?token=` in the page address (then removed from it). */
  token?: string;
  /** What to do with the token: `confirm`, `unsubscribe` or `manage` (default); defaults to `?action=`. */
  action?: string;
  /** Seconds before "send again" is enabled. */
  resendDelay = 60;
  /** A client to use instead of one made from `endpoint` (tests, custom transports). */
  client?: NewsletterClient;
  /** The clock for the resend countdown (ms since epoch); replaceable so tests can move time. */
  now: () => number = () => Date.now();

  readonly #consent = new ConsentController(this);
  readonly #i18n = new I18nController(this, 'newsletter');
  readonly #flow = new NewsletterFlow(this, {
    kit: () => this.#consent.kit,
    revision: () => this.#revision(),
    t: (key) => this.#i18n.t(key),
    lang: () => this.#i18n.lang,
    emit: (detail) =>
      this.dispatchEvent(
        new CustomEvent('privacy-newsletter-change', { detail, bubbles: true, composed: true }),
      ),
    focusAfterUpdate: (target) => (this.#focusAfterUpdate = target),
  });
  #focusAfterUpdate: FocusTarget | null = null;
  readonly #onOnline = (): void => this.#flow.online();

  /** The current state, for tests and integrators: a view, or `error`/`offline` while a retry is offered. */
  get state(): NewsletterState {
    const { failure, view } = this.#flow.state;
    if (failure?.kind === 'offline') return 'offline';
    return failure ? 'error' : view;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    // A live region speaks only changes made after it exists: there before the first error.
    ensureAnnouncer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
  }

  protected override render(): unknown {
    const flow = this.#flow;
    const revision = this.#revision();
    return renderNewsletter({
      ...flow.state,
      t: (key, vars) => this.#i18n.t(key, vars),
      lang: this.#i18n.lang,
      resendSeconds: flow.resendSeconds,
      retrySeconds: flow.retrySeconds,
      revision,
      revisionDate:
        revision !== undefined && isIsoDate(revision) ? formatDate(revision, this.#i18n.lang) : undefined,
      policyUrl: safeLinkUrl(this.#consent.kit?.config.privacyPolicyUrl),
      on: {
        email: (email) => flow.edit({ email }),
        consent: (consentGiven) => flow.edit({ consentGiven }),
        measure: (measureOpens) => flow.edit({ measureOpens }),
        submit: () => flow.submit(),
        resend: () => flow.resend(),
        changeEmail: () => flow.changeEmail(),
        preference: (key, value) => flow.updatePreference(key, value),
        unsubscribe: () => void flow.unsubscribe(),
        resubscribe: () => flow.resubscribe(),
        confirm: () => void flow.confirm(),
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
    if (focus === 'errors') {
      const field = root.querySelector<HTMLElement>('[aria-invalid="true"]');
      // Enter in that very field: focus does not move, so nothing new would be said. Say its error.
      if (field && root.activeElement === field) {
        const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
        const errors = ids
          .map((id) => root.getElementById(id))
          .filter((e) => e?.part.contains('field-error'));
        announce(errors.map((e) => e!.textContent!.trim()).join(' '));
      } else field?.focus();
    }
  }

  #revision(): string | undefined {
    return this.revision ?? this.#consent.kit?.config.revision;
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
