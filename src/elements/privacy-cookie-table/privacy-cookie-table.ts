import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { PrivacyKit, ResolvedConfig } from '../../core/types.js';
import { I18nController } from '../../i18n/controller.js';
import { registerLabelStrings } from '../../i18n/labels.js';
import { ConsentController } from '../consent-controller.js';
import { ensureStatementStrings } from '../privacy-statement/locales.js';
import { serviceCookiePatterns } from '../../integrations/cookie-patterns.js';
import { categoryLabel, localize, serviceLabel } from '../shared/config-text.js';
import { tableStyles } from '../shared/tables.styles.js';
import { cookieTableStyles } from './privacy-cookie-table.styles.js';

/** A visitor's status for one row of the table. */
export type CookieRowStatus = 'always' | 'granted' | 'refused' | 'none';

/** One row: a service (or the consent cookie itself) with its cookies and current status. */
export interface CookieRow {
  readonly key: string;
  readonly service: string;
  readonly purpose: string | undefined;
  readonly provider: string | undefined;
  /** Undefined when the config does not list them (and privacy-kit knows none for the service). */
  readonly cookies: readonly { readonly name: string; readonly lifetime: string | undefined }[] | undefined;
  readonly status: CookieRowStatus;
}

type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/**
 * The rows for a config and the visitor's current decision: first the consent cookie itself
 * (necessary: the decision must be remembered), then every configured service.
 */
export function cookieRows(kit: PrivacyKit, lang: string, t: Translate): CookieRow[] {
  const config: ResolvedConfig = kit.config;
  const decided = kit.getConsent() !== null;
  const text = (value: Parameters<typeof localize>[0]) => localize(value, lang, config.language);
  const rows: CookieRow[] = [
    {
      key: '(consent)',
      service: t('cookieTable.consentCookie'),
      purpose: t('cookieTable.consentCookiePurpose'),
      provider: t('cookieTable.thisSite'),
      cookies: [
        { name: config.cookie.name, lifetime: t('cookieTable.days', { count: config.cookie.maxAgeDays }) },
      ],
      status: 'always',
    },
  ];
  for (const [name, service] of Object.entries(config.services)) {
    const category = config.categories[service.category];
    const known = serviceCookiePatterns(name, service);
    // Undecided but running (the analytics exemption) shows as allowed: the table says what happens.
    const status: CookieRowStatus =
      service.category === 'necessary'
        ? 'always'
        : kit.isGranted(name)
          ? 'granted'
          : decided
            ? 'refused'
            : 'none';
    rows.push({
      key: name,
      // Config first, then the shipped names of well-known services ("Google Analytics").
      service: serviceLabel(config, name, lang, t),
      purpose:
        text(service.description) ??
        text(category?.description) ??
        categoryLabel(config, service.category, lang, t),
      provider: service.provider,
      // Not listed in the config: the names privacy-kit knows for Google and Adobe (the ones it
      // deletes on a refusal), rather than a "none" the statement around the table contradicts.
      cookies: service.cookies
        ? service.cookies.map((c) =>
            typeof c === 'string'
              ? { name: c, lifetime: undefined }
              : { name: c.name, lifetime: text(c.lifetime) },
          )
        : known.length
          ? known.map((pattern) => ({ name: pattern, lifetime: undefined }))
          : undefined,
      status,
    });
  }
  return rows;
}

/**
 * The services and cookies of this site with the visitor's current choice per service, kept up
 * to date as the choice changes. Works on its own in any page that has the consent API.
 * Narrower than 45rem (its own width, not the window's), each service becomes a card with a label
 * above every value; wider, a table that scrolls sideways in a focusable region, with an edge
 * shadow on the side where more of it is. Cookie names are never broken.
 *
 * @summary Live table of services, cookies and the visitor's status.
 * @attr lang - Language of the texts: `nl`, `en`, or one the config adds; default the closest `lang` attribute, then `<html lang>`, then the config's `language`.
 * @csspart table - The `<table>`.
 * @csspart status - Each status cell's text.
 * @csspart status-granted - A status that is granted (as well as `status`).
 * @csspart status-refused - A status that is refused.
 * @csspart status-none - A status not decided yet.
 * @csspart status-always - A necessary service's status (always on).
 * @csspart unavailable - The message shown when the page has no consent configuration.
 * @cssprop --privacy-color-border - Cell borders.
 * @cssprop --privacy-color-surface - Header row background.
 * @cssprop --privacy-font-family - Font (default: the page's).
 * @cssprop --privacy-color-text - Text colour (default: the page's).
 * @cssprop --privacy-color-focus - Focus ring of the scrollable table.
 * @cssprop --privacy-radius - Corners of the cards in the narrow layout.
 */
export class PrivacyCookieTable extends LitElement {
  static override styles = [tableStyles, cookieTableStyles];

  readonly #i18n = new I18nController(this, 'statement');
  readonly #consent = new ConsentController(this);

  constructor() {
    super();
    ensureStatementStrings();
    registerLabelStrings();
  }

  override render(): TemplateResult {
    const t = (key: string, vars?: Readonly<Record<string, string | number>>) => this.#i18n.t(key, vars);
    const kit = this.#consent.kit;
    if (!kit) return html`<p part="unavailable">${t('cookieTable.unavailable')}</p>`;
    const rows = cookieRows(kit, this.#i18n.lang, t);
    // The scroll container is focusable and named so keyboard users can scroll a wide table.
    const labels = {
      purpose: t('cookieTable.purpose'),
      provider: t('cookieTable.provider'),
      cookies: t('cookieTable.cookies'),
      status: t('cookieTable.status'),
    };
    // Explicit roles: the narrow (card) layout changes the rows' display, which some browsers
    // take as "not a table" any more.
    return html`<div class="table-scroll" role="region" aria-labelledby="caption" tabindex="0">
      <table part="table" role="table">
        <caption id="caption">
          ${t('cookieTable.caption')}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">${t('cookieTable.service')}</th>
            <th scope="col" role="columnheader">${labels.purpose}</th>
            <th scope="col" role="columnheader">${labels.provider}</th>
            <th scope="col" role="columnheader">${labels.cookies}</th>
            <th scope="col" role="columnheader">${labels.status}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${rows.map(
            (row) =>
              html`<tr role="row" data-service=${row.key} data-status=${row.status}>
                <th scope="row" role="rowheader">${row.service}</th>
                <td role="cell" class="purpose" data-label=${labels.purpose}>${row.purpose ?? nothing}</td>
                <td role="cell" data-label=${labels.provider}>${row.provider ?? nothing}</td>
                <td role="cell" data-label=${labels.cookies}>
                  ${
                    row.cookies?.length
                      ? html`<ul>
                          ${row.cookies.map(
                            (c) =>
                              html`<li>
                                <code>${c.name}</code>${c.lifetime ? html` — ${c.lifetime}` : nothing}
                              </li>`,
                          )}
                        </ul>`
                      : t(row.cookies ? 'cookieTable.noCookies' : 'cookieTable.notListed')
                  }
                </td>
                <td role="cell" data-label=${labels.status}>
                  <span part=${`status status-${row.status}`}>${t(`cookieTable.${row.status}`)}</span>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'privacy-cookie-table': PrivacyCookieTable;
  }
}
