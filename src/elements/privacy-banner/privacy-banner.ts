import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { NeedsDecisionReason } from '../../core/types.js';
import { ConsentController } from '../consent-controller.js';
import { whenPrivacyKit } from '../context.js';
import { I18nController } from '../../i18n/controller.js';
import { registerStrings } from '../../i18n/strings.js';
import { registerCommonStrings } from '../../i18n/common.js';
import { announceDecision, ensureAnnouncer } from '../shared/announcer.js';
import { safeHttpUrl } from '../shared/safe-url.js';
import { fire } from '../shared/define.js';
import { closeIcon } from '../shared/icons.js';
import { buttons, tokens } from '../shared/styles.js';
import { bannerStyles } from './privacy-banner.styles.js';
import { UnobscuredController } from '../shared/unobscured.js';
import { pageLanguage } from '../shared/page-language.js';
import nl from './locales/nl.json';
import en from './locales/en.json';

registerCommonStrings();
registerStrings('banner', { nl, en });

/** What the visitor did in the banner. `dismiss` (close button or Esc) stores nothing. */
export type BannerAction = 'accept' | 'reject' | 'preferences' | 'dismiss';

/** Detail of `privacy-banner-action`. */
export interface BannerActionDetail {
  readonly action: BannerAction;
}

/**
 * The first layer of the consent UI: a compact, non-modal bar that asks once, with
 * "Accept all" and "Reject all" equally prominent. It shows only while a decision is needed,
 * hides itself when one is made (here, in the dialog, through the API or in another tab), and
 * never blocks the page. The script-tag loader inserts it; npm users place it themselves.
 *
 * @tagname privacy-banner
 * @summary Cookie consent banner (first layer).
 *
 * @attr position - Edge of the viewport: `bottom` (default) or `top` (any letter case; anything else is `bottom`).
 * @attr closable - Show a close button; closing (or Esc) hides the banner for this page view, nothing is stored.
 * @attr heading - Replaces the heading text (as text, never HTML).
 * @attr message - Replaces the explanation text (as text, never HTML).
 * @attr lang - Language of the texts: `nl`, `en`, or one the config adds; default the closest `lang` attribute, then `<html lang>`, then the config's `language`.
 *
 * @fires privacy-banner-action - The visitor chose; `detail.action` is `accept`, `reject`, `preferences` or `dismiss`.
 * @fires privacy-banner-show - The banner became visible.
 * @fires privacy-banner-hide - The banner was hidden (decision made or dismissed).
 *
 * @csspart banner - The fixed bar (`role="region"`).
 * @csspart title - The heading.
 * @csspart message - The explanation text.
 * @csspart policy-link - The link to the privacy statement (or to its changes).
 * @csspart actions - The row of buttons.
 * @csspart accept-button - "Accept all".
 * @csspart reject-button - "Reject all" (same look as accept).
 * @csspart preferences-button - Opens the preferences dialog.
 * @csspart close-button - Hides the banner for this page view without a decision (`closable`).
 *
 * @cssprop --privacy-color-scheme - `light dark` (default, follows the visitor), `light` or `dark`.
 * @cssprop --privacy-color-background - Background.
 * @cssprop --privacy-color-text - Text colour.
 * @cssprop --privacy-color-muted - Secondary text colour.
 * @cssprop --privacy-color-accent - Button background (accept and reject).
 * @cssprop --privacy-color-accent-text - Button text.
 * @cssprop --privacy-color-border - Borders.
 * @cssprop --privacy-color-focus - Focus ring.
 * @cssprop --privacy-font-family - Font.
 * @cssprop --privacy-radius - Corner radius.
 * @cssprop --privacy-spacing - Base spacing.
 * @cssprop --privacy-z-index - Stacking order of the bar.
 * @cssprop --privacy-banner-max-width - Width of the content inside the bar.
 * @cssprop --privacy-shadow - Shadow of the bar.
 * @cssprop --privacy-font-size - Base font size.
 */
export class PrivacyBanner extends LitElement {
  static override styles = [tokens, buttons, bannerStyles];

  // No element uses decorators: their helpers (0.35 KB brotli) would ride in the UI entry that
  // every first visit fetches, since rollup puts what lazy elements share into it.
  static override properties = {
    position: { reflect: true },
    closable: { type: Boolean, reflect: true },
    heading: {},
    message: {},
    dismissed: { state: true },
  };

  /** Edge of the viewport: `bottom` (default) or `top`. */
  position: 'bottom' | 'top' = 'bottom';

  /** Show a close button. Closing (or Esc) hides the banner for this page view; nothing is stored. */
  closable = false;

  /** Replaces the heading text. */
  heading: string | undefined;

  /** Replaces the explanation text. */
  message: string | undefined;

  private dismissed = false;

  readonly #consent = new ConsentController(this);
  readonly #i18n = new I18nController(this, 'banner');
  readonly #unobscured = new UnobscuredController(this);
  #wasOpen = false;
  #unsubscribe: (() => void) | undefined;
  // Where the keyboard came from into the bar, and whether focus was in it as it closed: a
  // decision or Esc removes the focused button, and focus would fall to the top of the page.
  #cameFrom: HTMLElement | undefined;
  #hadFocus = false;

  // An editor may write `Top` or ` top `; the styles and the page padding must agree on one edge.
  get #edge(): 'top' | 'bottom' {
    return String(this.position).trim().toLowerCase() === 'top' ? 'top' : 'bottom';
  }

  /** True while the banner is shown: a decision is needed and the visitor has not dismissed it. */
  get open(): boolean {
    const kit = this.#consent.kit;
    return !!kit && !this.dismissed && kit.needsDecision();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureAnnouncer();
    void whenPrivacyKit().then((kit) => {
      if (!this.isConnected || this.#unsubscribe) return;
      // A reset (or a new revision arriving from another tab) asks again, even after a dismissal.
      this.#unsubscribe = kit.subscribe((change) => {
        if (change.state === null) this.dismissed = false;
      });
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  override render() {
    if (!this.open) return nothing;
    const t = (key: string) => this.#i18n.t(key);
    const kit = this.#consent.kit;
    const reason: NeedsDecisionReason | null = kit?.needsDecisionReason() ?? null;
    const revised = reason === 'revision';
    const policy = safeHttpUrl(kit?.config.privacyPolicyUrl, revised ? 'changes' : undefined);
    // The editor's own heading and message are in the page's language, not necessarily the strings'.
    const written = pageLanguage(this);
    const inPage = (text: string) => html`<span lang=${written}>${text}</span>`;
    return html`
      <section
        class="banner ${this.#edge}"
        part="banner"
        role="region"
        aria-label=${t('label')}
        @keydown=${this.#onKeydown}
        @focusin=${this.#onFocusin}
      >
        <div class="inner">
          <div class="text">
            <h2 part="title">${this.heading === undefined ? t('title') : inPage(this.heading)}</h2>
            <p part="message">
              ${this.message === undefined ? t(revised ? 'revisedMessage' : 'message') : inPage(this.message)}
              ${
                policy
                  ? html`<a part="policy-link" href=${policy}
                      >${revised ? t('changesLink') : t('policyLink')}</a
                    >`
                  : nothing
              }
            </p>
          </div>
          <div class="actions" part="actions">
            <button type="button" class="choice" part="accept-button" @click=${this.#accept}>
              ${t('accept')}
            </button>
            <button type="button" class="choice" part="reject-button" @click=${this.#reject}>
              ${t('reject')}
            </button>
            <button type="button" class="secondary" part="preferences-button" @click=${this.#preferences}>
              ${t('preferences')}
            </button>
          </div>
        </div>
        ${
          this.closable
            ? html`<button
                type="button"
                class="icon-button close"
                part="close-button"
                aria-label=${t('close')}
                @click=${this.dismiss}
              >
                ${closeIcon}
              </button>`
            : nothing
        }
      </section>
    `;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Only a keyboard user is taken back: a click also focuses the button, and sending a mouse
    // user to a field used earlier would scroll the page away from where they were reading.
    this.#hadFocus = !!this.shadowRoot?.activeElement?.matches(':focus-visible');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const open = this.open;
    this.#unobscured.sync(open ? this.renderRoot.querySelector<HTMLElement>('.banner') : null, this.#edge);
    if (open !== this.#wasOpen) {
      this.#wasOpen = open;
      if (!open && this.#hadFocus && this.#cameFrom?.isConnected) this.#cameFrom.focus();
      fire(this, open ? 'privacy-banner-show' : 'privacy-banner-hide', {});
    }
  }

  readonly #onFocusin = (event: FocusEvent): void => {
    const from = event.relatedTarget;
    // Coming back from our own dialog is not where the visitor was on the page.
    if (
      from instanceof HTMLElement &&
      !this.shadowRoot?.contains(from) &&
      from.localName !== 'privacy-preferences'
    ) {
      this.#cameFrom = from;
    }
  };

  /** Hides the banner for this page view without storing anything (as the close button and Esc do). */
  dismiss(): void {
    if (!this.open) return;
    this.dismissed = true;
    fire<BannerActionDetail>(this, 'privacy-banner-action', { action: 'dismiss' });
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.dismiss();
    }
  };

  readonly #accept = (): void => {
    this.#decided('accept', this.#consent.kit?.acceptAll({ method: 'banner' }));
  };

  readonly #reject = (): void => {
    this.#decided('reject', this.#consent.kit?.rejectAll({ method: 'banner' }));
  };

  readonly #preferences = (event: Event): void => {
    fire<BannerActionDetail>(this, 'privacy-banner-action', { action: 'preferences' });
    this.#consent.kit?.showPreferences(event.currentTarget as Element);
  };

  #decided(action: BannerAction, result: unknown): void {
    announceDecision(result, (key) => this.#i18n.t(key));
    fire<BannerActionDetail>(this, 'privacy-banner-action', { action });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'privacy-banner': PrivacyBanner;
  }
  // The events bubble out of shadow roots (composed) up to document.
  interface HTMLElementEventMap {
    'privacy-banner-action': CustomEvent<BannerActionDetail>;
    'privacy-banner-show': CustomEvent<Record<string, never>>;
    'privacy-banner-hide': CustomEvent<Record<string, never>>;
  }
  interface DocumentEventMap {
    'privacy-banner-action': CustomEvent<BannerActionDetail>;
    'privacy-banner-show': CustomEvent<Record<string, never>>;
    'privacy-banner-hide': CustomEvent<Record<string, never>>;
  }
}
