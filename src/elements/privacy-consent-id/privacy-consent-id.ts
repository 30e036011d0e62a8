import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { I18nController } from '../../i18n/controller.js';
import { ConsentController } from '../consent-controller.js';
import { ensureStatementStrings } from '../privacy-statement/locales.js';
import { isPlainEmail } from '../shared/email.js';
import { consentIdStyles } from './privacy-consent-id.styles.js';

/**
 * A `mailto:` URL with subject and body, each percent-encoded (RFC 6068), or undefined when
 * `email` is not a plain address (so a crafted attribute cannot add recipients or headers).
 */
export function accessRequestMailto(
  email: string | undefined,
  subject: string,
  body: string,
): string | undefined {
  if (!email || !isPlainEmail(email.trim())) return undefined;
  return `mailto:${email.trim()}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The visitor's consent id (or "no choice yet") and a ready e-mail link for access and
 * correction requests that carries it, so the organisation can find the visitor's receipts.
 *
 * @summary Shows the consent id with a mail link for access/correction requests.
 * @attr lang - Language of the texts: `nl`, `en`, or one the config adds; default the closest `lang` attribute, then `<html lang>`, then the config's `language`.
 * @attr email - Address the request goes to (e.g. `privacy@example.org`); without one plain address (no `%`, `,`, `?`, …), no link.
 * @csspart id - The line with the consent id (or "no choice yet", or "not available on this page").
 * @csspart code - The consent id itself.
 * @csspart mail-link - The `mailto:` link.
 * @cssprop --privacy-font-family - Font (default: the page's).
 * @cssprop --privacy-color-text - Text colour (default: the page's).
 * @cssprop --privacy-color-link - Link colour.
 * @cssprop --privacy-color-focus - Focus ring.
 */
export class PrivacyConsentId extends LitElement {
  static override properties = {
    email: {},
  };

  static override styles = consentIdStyles;

  /** Where access/correction requests go. */
  email: string | undefined = undefined;

  readonly #i18n = new I18nController(this, 'statement');
  readonly #consent = new ConsentController(this);

  constructor() {
    super();
    ensureStatementStrings();
  }

  /** The consent id shown: the current decision's, else the last stored one's, else undefined. */
  get consentId(): string | undefined {
    const kit = this.#consent.kit;
    return (this.#consent.state ?? kit?.getStoredConsent() ?? null)?.id;
  }

  override render(): TemplateResult {
    const t = (key: string, vars?: Readonly<Record<string, string>>) => this.#i18n.t(key, vars);
    const id = this.consentId;
    const href = id
      ? accessRequestMailto(this.email, t('consentId.subject', { id }), t('consentId.body', { id }))
      : accessRequestMailto(this.email, t('consentId.subjectNoId'), t('consentId.bodyNoId'));
    // Without the consent API nobody knows whether the visitor chose: say that, not "no choice yet".
    const line = id
      ? html`${t('consentId.label')} <code part="code">${id}</code>`
      : this.#consent.kit
        ? t('consentId.none')
        : t('consentId.unavailable');
    return html`<p part="id">${line}</p>
      ${href ? html`<p><a part="mail-link" href=${href}>${t('consentId.mailLink')}</a></p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'privacy-consent-id': PrivacyConsentId;
  }
}
