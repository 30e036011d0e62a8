import { LitElement, html, nothing } from 'lit';
import { ConsentController } from '../consent-controller.js';
import { I18nController } from '../../i18n/controller.js';
import { registerStrings } from '../../i18n/strings.js';
import { fire } from '../shared/define.js';
import { UnobscuredController } from '../shared/unobscured.js';
import { pageLanguage } from '../shared/page-language.js';
import { cookieIcon } from './cookie-icon.js';
import { buttons, tokens } from '../shared/styles.js';
import { settingsButtonStyles } from './privacy-settings-button.styles.js';
import nl from './locales/nl.json';
import en from './locales/en.json';

registerStrings('settings', { nl, en });

/**
 * Reopens the cookie preferences from any page, so that withdrawing consent is as easy as
 * giving it. Put it in the footer (`variant="link"`, the default) or let it float in a corner.
 * The floating button steps aside while the banner is shown.
 *
 * @tagname privacy-settings-button
 * @summary Button that reopens the cookie preferences.
 *
 * @attr variant - `link` (inline text, default) or `floating` (fixed round button in the bottom corner).
 * @attr label - Replaces the button text and the floating button's accessible name (as text); text written inside the element does the same.
 * @attr lang - Language of the texts: `nl`, `en`, or one the config adds; default the closest `lang` attribute, then `<html lang>`, then the config's `language`.
 *
 * @fires privacy-settings-open - The visitor asked for the preferences.
 *
 * @csspart button - The button.
 *
 * @cssprop --privacy-color-scheme - `light dark` (default, follows the visitor), `light` or `dark`.
 * @cssprop --privacy-color-accent - Floating button background.
 * @cssprop --privacy-color-accent-text - Floating button icon colour.
 * @cssprop --privacy-color-link - Text colour of the link (default: the text around it), as for the page's other links.
 * @cssprop --privacy-color-focus - Focus ring (the link's: default the text colour around it).
 * @cssprop --privacy-radius - Corners of the link's focus ring.
 * @cssprop --privacy-settings-inset - Distance of the floating button from the corner.
 * @cssprop --privacy-z-index - Stacking order (the button sits just below the banner).
 * @cssprop --privacy-shadow - Shadow of the floating button.
 */
export class PrivacySettingsButton extends LitElement {
  static override styles = [tokens, buttons, settingsButtonStyles];
  // host.focus() (the banner sending focus back where the keyboard came from) reaches the button.
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    variant: { reflect: true },
    label: {},
  };

  /** `link` (inline text, default) or `floating` (fixed round button in the bottom corner). */
  variant: 'link' | 'floating' = 'link';

  /** Replaces the button text (and the floating button's accessible name). */
  label: string | undefined;

  readonly #consent = new ConsentController(this);
  readonly #i18n = new I18nController(this, 'settings');
  // The floating button sits over the page's bottom corner, where a footer link may be focused.
  readonly #unobscured = new UnobscuredController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('privacy-banner-show', this.#refresh);
    document.addEventListener('privacy-banner-hide', this.#refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('privacy-banner-show', this.#refresh);
    document.removeEventListener('privacy-banner-hide', this.#refresh);
  }

  override render() {
    // No consent set up (yet, or a broken config): a button that opens nothing would mislead.
    if (!this.#consent.kit) return nothing;
    // What an editor writes inside the tag is the label too (it has no slot, so it would vanish).
    const own = this.label ?? (this.textContent?.trim() || undefined);
    const label = own ?? this.#i18n.t('label');
    if (this.variant === 'floating') {
      // While the banner is up it offers the same choice; a button under it would be covered.
      if (document.querySelector('privacy-banner')?.open) return nothing;
      return html`<button
        type="button"
        class="floating"
        part="button"
        aria-label=${label}
        @click=${this.#open}
      >
        ${cookieIcon}
      </button>`;
    }
    // The editor's own label is in the page's language, not necessarily the strings'.
    const text = own === undefined ? label : html`<span lang=${pageLanguage(this)}>${label}</span>`;
    return html`<button type="button" class="link" part="button" @click=${this.#open}>${text}</button>`;
  }

  protected override updated(): void {
    this.#unobscured.sync(this.renderRoot.querySelector<HTMLElement>('.floating'), 'bottom');
  }

  readonly #refresh = (): void => this.requestUpdate();

  readonly #open = (event: Event): void => {
    fire(this, 'privacy-settings-open', {});
    this.#consent.kit?.showPreferences(event.currentTarget as Element);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'privacy-settings-button': PrivacySettingsButton;
  }
  // The event bubbles out of shadow roots (composed) up to document.
  interface HTMLElementEventMap {
    'privacy-settings-open': CustomEvent<Record<string, never>>;
  }
  interface DocumentEventMap {
    'privacy-settings-open': CustomEvent<Record<string, never>>;
  }
}
