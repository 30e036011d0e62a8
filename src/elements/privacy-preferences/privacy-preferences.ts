import { LitElement, html, nothing } from 'lit';
import { ConsentController } from '../consent-controller.js';
import { whenPrivacyKit } from '../context.js';
import { I18nController } from '../../i18n/controller.js';
import { loadI18next } from '../../i18n/i18n.js';
import { registerStrings } from '../../i18n/strings.js';
import { registerCommonStrings } from '../../i18n/common.js';
import { registerLabelStrings } from '../../i18n/labels.js';
import { announceDecision, ensureAnnouncer } from '../shared/announcer.js';
import { fire } from '../shared/define.js';
import { deepActiveElement, keepTabInside } from '../shared/focus.js';
import { closeIcon } from '../shared/icons.js';
import { buttons, tokens } from '../shared/styles.js';
import { renderCategories } from './category-list.js';
import { initialChoices, setCategory, setService, type Choices } from './choices.js';
import { preferencesStyles } from './privacy-preferences.styles.js';
import nl from './locales/nl.json';
import en from './locales/en.json';

registerCommonStrings();
registerLabelStrings();
registerStrings('preferences', { nl, en });

/** How the dialog was closed. Only `cancel` leaves the decision as it was. */
export type PreferencesAction = 'accept' | 'reject' | 'save' | 'cancel';

/** Detail of `privacy-preferences-close`. */
export interface PreferencesCloseDetail {
  readonly action: PreferencesAction;
}

/**
 * The second layer: a modal dialog with one switch per category and per service, nothing
 * switched on unless the visitor granted it before. Opened with `show()` or by the consent API's
 * `showPreferences()` (wired by the UI bundle or `connectPreferences()`); Esc or the close button
 * closes it without a decision, and focus returns to whatever opened it.
 *
 * @tagname privacy-preferences
 * @summary Cookie preferences dialog (second layer).
 *
 * @attr lang - Language of the texts: `nl`, `en`, or one the config adds; default the closest `lang` attribute, then `<html lang>`, then the config's `language`.
 *
 * @fires privacy-preferences-open - The dialog opened.
 * @fires privacy-preferences-close - The dialog closed; `detail.action` is `accept`, `reject`, `save` or `cancel`.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart title - The heading.
 * @csspart close-button - Closes without saving.
 * @csspart category - One category row.
 * @csspart toggle - Every switch (`role="switch"`, with `data-category` or `data-service`).
 * @csspart services - The list of a category's services (always shown, one switch each).
 * @csspart service - One service row.
 * @csspart service-details - A service's expandable details: provider, purpose, cookies, policy.
 * @csspart service-policy-link - A provider's privacy policy link.
 * @csspart actions - The row of buttons.
 * @csspart accept-button - "Accept all".
 * @csspart reject-button - "Reject all".
 * @csspart save-button - "Save choices".
 *
 * @cssprop --privacy-color-scheme - `light dark` (default, follows the visitor), `light` or `dark`.
 * @cssprop --privacy-color-background - Background.
 * @cssprop --privacy-color-text - Text colour.
 * @cssprop --privacy-color-muted - Secondary text (descriptions, service details).
 * @cssprop --privacy-color-accent - Buttons and switched-on switches.
 * @cssprop --privacy-color-accent-text - Button text.
 * @cssprop --privacy-color-focus - Focus ring.
 * @cssprop --privacy-spacing - Base spacing.
 * @cssprop --privacy-color-border - Borders and switched-off switches.
 * @cssprop --privacy-color-surface - Switch track when off.
 * @cssprop --privacy-radius - Corner radius.
 * @cssprop --privacy-font-family - Font.
 * @cssprop --privacy-font-size - Base font size.
 */
export class PrivacyPreferences extends LitElement {
  static override styles = [tokens, buttons, preferencesStyles];

  static override properties = {
    choices: { state: true },
  };

  private choices: Choices | undefined;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  readonly #consent = new ConsentController(this);
  readonly #i18n = new I18nController(this, 'preferences');
  #opener: Element | null = null;
  #action: PreferencesAction = 'cancel';

  /** True while the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureAnnouncer();
  }

  /**
   * Opens the dialog, pre-filled with the current (or last stored) decision. Focus moves into
   * the dialog and returns to `opener` (default: the element that had focus) when it closes.
   */
  show(opener?: Element | null): Promise<void> {
    // Two clicks while the dialog's code loads: one opening, for the first opener.
    return (this.#opening ??= this.#show(opener).finally(() => (this.#opening = undefined)));
  }

  #opening: Promise<void> | undefined;

  async #show(opener?: Element | null): Promise<void> {
    const kit = await whenPrivacyKit();
    if (this.open) return;
    this.#opener = opener ?? deepActiveElement();
    this.#action = 'cancel';
    this.choices = initialChoices(kit.config, kit.getConsent() ?? kit.getStoredConsent());
    void loadI18next();
    await this.updateComplete;
    this.dialog?.showModal();
    fire(this, 'privacy-preferences-open', {});
  }

  /** Closes the dialog without changing the decision. */
  close(): void {
    this.dialog?.close();
  }

  override render() {
    const kit = this.#consent.kit;
    const t = this.#i18n.t.bind(this.#i18n);
    return html`
      <dialog part="dialog" aria-labelledby="title" @close=${this.#onClose} @keydown=${this.#keepFocusInside}>
        <div class="header">
          <h2 id="title" part="title">${t('title')}</h2>
          <button
            type="button"
            class="icon-button"
            part="close-button"
            aria-label=${t('close')}
            @click=${this.close}
          >
            ${closeIcon}
          </button>
        </div>
        <div class="body">
          <p class="intro">${t('intro')}</p>
          ${
            kit && this.choices
              ? renderCategories(kit, this.choices, {
                  lang: this.#i18n.lang,
                  t: this.#i18n.t.bind(this.#i18n),
                  onCategory: this.#onCategory,
                  onService: this.#onService,
                  onKeydown: this.#onSwitchKey,
                })
              : nothing
          }
        </div>
        <div class="footer">
          <div class="actions" part="actions">
            <button type="button" class="choice" part="accept-button" @click=${this.#accept}>
              ${t('accept')}
            </button>
            <button type="button" class="choice" part="reject-button" @click=${this.#reject}>
              ${t('reject')}
            </button>
            <button type="button" class="secondary" part="save-button" @click=${this.#save}>
              ${t('save')}
            </button>
          </div>
        </div>
      </dialog>
    `;
  }

  // Tab stays inside while the dialog is open (see keepTabInside for why).
  readonly #keepFocusInside = (event: KeyboardEvent): void => {
    if (this.dialog) keepTabInside(event, this.dialog, this.shadowRoot?.activeElement ?? null);
  };

  // Native checkboxes toggle on Space only; a switch is expected to answer Enter as well.
  readonly #onSwitchKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    (event.currentTarget as HTMLInputElement).click();
  };

  readonly #onCategory = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const config = this.#consent.kit?.config;
    if (!config || !this.choices || !input.dataset['category']) return;
    this.choices = setCategory(config, this.choices, input.dataset['category'], input.checked);
  };

  readonly #onService = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const config = this.#consent.kit?.config;
    if (!config || !this.choices || !input.dataset['service']) return;
    this.choices = setService(config, this.choices, input.dataset['service'], input.checked);
  };

  readonly #accept = (): void => {
    this.#finish('accept', this.#consent.kit?.acceptAll({ method: 'preferences' }));
  };

  readonly #reject = (): void => {
    this.#finish('reject', this.#consent.kit?.rejectAll({ method: 'preferences' }));
  };

  readonly #save = (): void => {
    const kit = this.#consent.kit;
    if (!kit || !this.choices) return;
    const { necessary: _necessary, ...categories } = this.choices.categories;
    const result = kit.update({ categories, services: this.choices.services }, { method: 'preferences' });
    this.#finish('save', result);
  };

  #finish(action: PreferencesAction, result: unknown): void {
    this.#action = action;
    this.close();
    announceDecision(result, (key) => this.#i18n.t(key));
  }

  readonly #onClose = (): void => {
    const opener = this.#opener;
    this.#opener = null;
    // The opener may have gone (the banner hides after a decision); then focus stays where the browser puts it.
    if (opener instanceof HTMLElement && opener.isConnected && opener.checkVisibility()) opener.focus();
    fire<PreferencesCloseDetail>(this, 'privacy-preferences-close', { action: this.#action });
    this.#action = 'cancel';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'privacy-preferences': PrivacyPreferences;
  }
  // The events bubble out of shadow roots (composed) up to document.
  interface HTMLElementEventMap {
    'privacy-preferences-open': CustomEvent<Record<string, never>>;
    'privacy-preferences-close': CustomEvent<PreferencesCloseDetail>;
  }
  interface DocumentEventMap {
    'privacy-preferences-open': CustomEvent<Record<string, never>>;
    'privacy-preferences-close': CustomEvent<PreferencesCloseDetail>;
  }
}
