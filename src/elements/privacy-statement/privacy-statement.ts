import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { I18nController } from '../../i18n/controller.js';
import { ConsentController } from '../consent-controller.js';
import type { ValidationError } from '../../core/types.js';
import {
  CHANGES_SECTION_ID,
  contactEmail,
  isSafeHref,
  type InlineLiveName,
  type LiveBlock,
  type StatementDocument,
} from './document.js';
import { FragmentLinks } from './fragment-links.js';
import { formatDate } from '../shared/dates.js';
import { collectHeadings } from './headings.js';
import {
  fetchStatement,
  parseStatement,
  acceptStatement,
  type LoadResult,
  type StatementErrorDetail,
} from './load.js';
import { ensureStatementStrings } from './locales.js';
import {
  heading,
  renderInline,
  renderSection,
  renderToc,
  type BlockContext,
  type HeadingLevel,
  type TocEntry,
} from './render.js';
import { statementStyles } from './privacy-statement.styles.js';

/** Detail of the `privacy-statement-load` event. */
export interface StatementLoadDetail {
  readonly document: StatementDocument;
  /** Links left out because their scheme is not http(s)/mailto (also logged with `console.warn`). */
  readonly warnings: readonly ValidationError[];
}

type View =
  | { readonly kind: 'plain' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly doc: StatementDocument; readonly warnings: readonly ValidationError[] }
  | ({ readonly kind: 'error' } & StatementErrorDetail);

/**
 * The privacy statement as a living document: rendered from a versioned JSON document (`src`,
 * an inline `<script type="application/json">` child, or the `document` property), or — with
 * neither — the editor's own HTML kept in the light DOM, with a "last changed" line and a table
 * of contents added. Live blocks show the visitor's real choices.
 *
 * @summary Renders the privacy statement, its table of contents and live consent blocks.
 * @attr src - URL of a `privacy-statement/1` JSON document.
 * @attr heading-level - Level of section headings (default 2; the title is one level up).
 * @attr email - Address for access/correction mails (default: the document's contact e-mail).
 * @attr newsletter-href - Newsletter page the newsletter block links to.
 * @attr revision - Plain-HTML mode: the statement's revision.
 * @attr updated - Plain-HTML mode: last-changed date, `YYYY-MM-DD`.
 * @fires privacy-error - The document could not be shown (also: the element is empty); detail `{ reason, errors?, status?, src? }`.
 * @fires privacy-statement-load - A JSON document was validated and rendered; detail `{ document, warnings }`.
 * @slot - Plain-HTML mode: the statement's content (`<h2>`s become the table of contents).
 * @slot title - Plain-HTML mode: the statement's title, shown above the table of contents.
 * @csspart statement - The rendered document (`<article>`).
 * @csspart header - Title, "last changed" and translation note.
 * @csspart title - The title heading.
 * @csspart updated - The "last changed on" line.
 * @csspart translation-note - Note on translated documents.
 * @csspart toc - The table of contents (`<nav>`); `toc-label`, `toc-link` inside it.
 * @csspart section - Each section; `heading` for its heading.
 * @csspart link - Links in the text.
 * @csspart contact - The contact details (`<address>`).
 * @csspart changes - The change history list.
 * @csspart change-choices - The "change cookie settings" button (also inside a sentence).
 * @csspart consent-id - The visitor's consent id inside a sentence.
 * @csspart newsletter-link - The newsletter link.
 * @csspart footer - The closing "last changed" line.
 * @csspart error - The error message (`role="alert"`).
 * @cssprop --privacy-font-family - Font (default: the page's).
 * @cssprop --privacy-color-text - Text colour (default: the page's).
 * @cssprop --privacy-color-muted - Secondary text.
 * @cssprop --privacy-color-link - Link colour.
 * @cssprop --privacy-color-border - Borders of the TOC and tables.
 * @cssprop --privacy-color-surface - Background of the TOC.
 * @cssprop --privacy-color-accent - Button background; `--privacy-color-accent-text` its text.
 * @cssprop --privacy-color-focus - Focus ring.
 * @cssprop --privacy-color-error - Border of the error message.
 */
export class PrivacyStatement extends LitElement {
  static override styles = statementStyles;

  /** URL of the JSON document. */
  @property({ reflect: true }) src: string | undefined = undefined;
  /** The document itself (validated like a fetched one); takes precedence over `src`. */
  @property({ attribute: false }) document: unknown = undefined;
  /** Level of section headings, 1–5 (sub-sections one lower, the title one higher). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Address for access/correction requests; default the document's contact e-mail. */
  @property() email: string | undefined = undefined;
  /** Newsletter page for the `newsletter` live block. */
  @property({ attribute: 'newsletter-href' }) newsletterHref: string | undefined = undefined;
  /** Plain-HTML mode: revision of the statement. */
  @property() revision: string | undefined = undefined;
  /** Plain-HTML mode: last-changed date (`YYYY-MM-DD`), attribute `updated`. */
  @property({ attribute: 'updated' }) updatedOn: string | undefined = undefined;

  @state() private view: View = { kind: 'loading' };
  @state() private plainHeadings: TocEntry[] = [];

  readonly #i18n = new I18nController(this, 'statement');
  readonly #consent = new ConsentController(this);
  readonly #links = new FragmentLinks(this);
  #loadToken = 0;
  #abort: AbortController | undefined;
  #reported: View | undefined;
  #langSetByUs = false;
  #observer: MutationObserver | undefined;

  constructor() {
    super();
    ensureStatementStrings();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.view.kind === 'plain') this.#watchLightDom();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** The validated document being shown, if any. */
  get statement(): StatementDocument | undefined {
    return this.view.kind === 'ready' ? this.view.doc : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('src') || changed.has('document')) this.#load();
  }

  protected override updated(): void {
    const view = this.view;
    if (view === this.#reported) return;
    this.#reported = view;
    if (view.kind === 'error') {
      const { kind: _kind, ...detail } = view;
      this.dispatchEvent(
        new CustomEvent<StatementErrorDetail>('privacy-error', { detail, bubbles: true, composed: true }),
      );
    } else if (view.kind === 'ready') {
      this.dispatchEvent(
        new CustomEvent<StatementLoadDetail>('privacy-statement-load', {
          detail: { document: view.doc, warnings: view.warnings },
          bubbles: true,
          composed: true,
        }),
      );
      // The live blocks render in their own update; scroll once they have, or the target moves.
      const live = [
        ...(this.shadowRoot?.querySelectorAll<LitElement>('privacy-cookie-table, privacy-consent-id') ?? []),
      ];
      void Promise.all(live.map((el) => el.updateComplete)).then(() => this.#links.revealCurrentHash(false));
    }
    if (view.kind === 'plain' || (view.kind === 'error' && view.reason === 'empty')) this.#watchLightDom();
  }

  #load(): void {
    const token = ++this.#loadToken;
    this.#abort?.abort();
    this.#abort = undefined;
    if (this.document !== undefined) return this.#show(acceptStatement(this.document));
    if (this.src) {
      this.view = { kind: 'loading' };
      const abort = (this.#abort = new AbortController());
      // A newer src (or document) wins: an answer for an older one is dropped.
      void fetchStatement(this.src, abort.signal).then(
        (result) => token === this.#loadToken && this.#show(result),
      );
      return;
    }
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (script) this.#show(parseStatement(script.textContent ?? ''));
    else if (this.#hasContent()) this.view = { kind: 'plain' };
    // While the page is still being parsed, the editor's content may not be there yet.
    else if (document.readyState === 'loading') {
      this.view = { kind: 'plain' };
      document.addEventListener('DOMContentLoaded', () => this.#load(), { once: true });
    } else this.view = { kind: 'error', reason: 'empty' };
  }

  /** Plain-HTML content: any element or text besides an inline JSON script. */
  #hasContent(): boolean {
    return [...this.childNodes].some((node) =>
      node instanceof Element ? !node.matches('script') : node instanceof Text && node.data.trim() !== '',
    );
  }

  #show(result: LoadResult): void {
    if (!result.ok) {
      this.view = { kind: 'error', ...result.error };
      return;
    }
    for (const w of result.warnings) console.warn(`privacy-statement: ${w.path}: ${w.message}`);
    this.view = { kind: 'ready', doc: result.document, warnings: result.warnings };
    // UI strings and dates follow the document's language unless the page set one on the element.
    if (!this.hasAttribute('lang') || this.#langSetByUs) {
      this.setAttribute('lang', result.document.language);
      this.#langSetByUs = true;
    }
  }

  get #level(): HeadingLevel {
    const n = Math.round(Number(this.headingLevel));
    return (Number.isFinite(n) ? Math.min(Math.max(n, 1), 5) : 2) as HeadingLevel;
  }

  /** `t(key)` with `{{date}}` replaced by a `<time>` element. */
  #dated(key: string, isoDate: string): TemplateResult {
    const marker = '\u0000';
    const [before = '', after = ''] = this.#i18n.t(key, { date: marker }).split(marker);
    return html`${before}<time datetime=${isoDate}>${formatDate(isoDate, this.#i18n.lang)}</time>${after}`;
  }

  #title(text: string): TemplateResult {
    const level = this.#level;
    return level > 1
      ? heading((level - 1) as HeadingLevel, undefined, text, 'title')
      : html`<p part="title">${text}</p>`;
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.view;
    switch (view.kind) {
      case 'loading':
        return html`<p role="status" part="loading">${this.#i18n.t('loading')}</p>`;
      case 'error':
        return this.#renderError(view);
      case 'plain':
        return this.#renderPlain();
      case 'ready':
        return this.#renderDocument(view.doc);
    }
  }

  #renderError(view: StatementErrorDetail): TemplateResult {
    const t = (key: string) =>
      this.#i18n.t(key, { src: view.src ?? this.#i18n.t('error.inlineSource'), status: view.status ?? '' });
    return html`<div role="alert" part="error">
      <p><strong>${t('error.title')}</strong></p>
      <p>${t(`error.${view.reason}`)}</p>
      ${
        view.errors?.length
          ? html`<ul>
              ${view.errors.slice(0, 20).map((e) => html`<li><code>${e.path || '(document)'}</code>: ${e.message}</li>`)}
            </ul>`
          : nothing
      }
    </div>`;
  }

  #renderPlain(): TemplateResult {
    const updated = this.updatedOn;
    return html`<slot name="title"></slot>
      ${updated && /^\d{4}-\d{2}-\d{2}$/.test(updated) ? html`<p part="updated">${this.#dated('lastChanged', updated)}</p>` : nothing}
      ${renderToc(this.plainHeadings, this.#i18n.t('toc'))}
      <slot @slotchange=${this.#collectPlainHeadings}></slot>`;
  }

  #renderDocument(doc: StatementDocument): TemplateResult {
    const level = this.#level;
    const ctx: BlockContext = {
      labels: {
        email: this.#i18n.t('contact.email'),
        phone: this.#i18n.t('contact.phone'),
        website: this.#i18n.t('contact.website'),
      },
      live: (block) => this.#renderLive(block, doc),
      inlineLive: (name) => this.#renderInlineLive(name),
    };
    const toc: TocEntry[] = doc.sections.map((s) => ({
      id: s.id,
      text: s.heading,
      children: (s.subsections ?? []).map((sub) => ({ id: sub.id, text: sub.heading })),
    }));
    if (doc.changes?.length) toc.push({ id: CHANGES_SECTION_ID, text: this.#i18n.t('changesHeading') });
    return html`<article part="statement" lang=${doc.language} @click=${this.#links.onClick}>
      <header part="header">
        ${this.#title(doc.title)}
        <p part="updated">${this.#dated('lastChanged', doc.updated)}</p>
        ${doc.translationOf ? this.#translationNote(doc.translationOf) : nothing}
      </header>
      ${renderToc(toc, this.#i18n.t('toc'))} ${doc.sections.map((s) => renderSection(s, level, ctx))}
      ${
        doc.changes?.length
          ? html`<section part="section" data-section=${CHANGES_SECTION_ID}>
              ${heading(level, CHANGES_SECTION_ID, this.#i18n.t('changesHeading'))}
              <ol part="changes">
                ${doc.changes.map(
                  (c) =>
                    html`<li>
                      <time datetime=${c.date}>${formatDate(c.date, this.#i18n.lang)}</time>
                      (${this.#i18n.t('changeRevision', { revision: c.revision })}):
                      ${renderInline(c.summary, ctx.inlineLive)}
                    </li>`,
                )}
              </ol>
            </section>`
          : nothing
      }
      <footer part="footer"><p>${this.#dated('lastChangedFooter', doc.updated)}</p></footer>
    </article>`;
  }

  #translationNote(of: { readonly language: string; readonly revision: string }): TemplateResult {
    let language = of.language;
    try {
      language =
        new Intl.DisplayNames([this.#i18n.lang], { type: 'language' }).of(of.language) ?? of.language;
    } catch {
      // An unusual code stays as written.
    }
    return html`<p part="translation-note">
      ${this.#i18n.t('translationNote', { language, revision: of.revision })}
    </p>`;
  }

  #renderLive(block: LiveBlock, doc: StatementDocument): TemplateResult | typeof nothing {
    const lang = doc.language;
    switch (block.block) {
      case 'cookie-table':
        return html`<privacy-cookie-table lang=${lang}></privacy-cookie-table>`;
      case 'consent-id':
        return html`<privacy-consent-id
          lang=${lang}
          email=${this.email ?? contactEmail(doc) ?? nothing}
        ></privacy-consent-id>`;
      case 'change-choices': {
        const kit = this.#consent.kit;
        if (!kit) return nothing;
        return html`<p>
          <button
            type="button"
            part="change-choices"
            @click=${(e: Event) => kit.showPreferences(e.currentTarget as Element)}
          >
            ${this.#i18n.t('changeChoices')}
          </button>
        </p>`;
      }
      case 'newsletter': {
        const href = this.#newsletterTarget(block);
        return href
          ? html`<p><a part="newsletter-link" href=${href}>${this.#i18n.t('newsletter')}</a></p>`
          : nothing;
      }
    }
  }

  /** A live block inside a sentence: a small button, the consent id as text, a link. */
  #renderInlineLive(name: InlineLiveName): TemplateResult | string | typeof nothing {
    const kit = this.#consent.kit;
    switch (name) {
      case 'change-choices':
        return kit
          ? html`<button
              type="button"
              class="inline"
              part="change-choices"
              @click=${(e: Event) => kit.showPreferences(e.currentTarget as Element)}
            >
              ${this.#i18n.t('changeChoices')}
            </button>`
          : nothing;
      case 'consent-id': {
        if (!kit) return nothing;
        const id = (kit.getConsent() ?? kit.getStoredConsent())?.id;
        return id ? html`<code part="consent-id">${id}</code>` : this.#i18n.t('consentId.inlineNone');
      }
      case 'newsletter': {
        const href = this.#newsletterTarget({ type: 'live', block: 'newsletter' });
        return href
          ? html`<a part="newsletter-link" href=${href}>${this.#i18n.t('newsletter')}</a>`
          : nothing;
      }
    }
  }

  /** The attribute, else the document's link, else an in-page `<privacy-newsletter id>`. */
  #newsletterTarget(block: LiveBlock): string | undefined {
    for (const href of [this.newsletterHref, block.href]) if (href && isSafeHref(href)) return href;
    const inPage = document.querySelector('privacy-newsletter[id]');
    return inPage ? `#${inPage.id}` : undefined;
  }

  #collectPlainHeadings = (): void => {
    const slot = this.shadowRoot?.querySelector('slot:not([name])');
    if (slot instanceof HTMLSlotElement)
      this.plainHeadings = collectHeadings(slot.assignedElements({ flatten: true }), document);
  };

  /** Slot changes miss edits deeper in the content (a CMS preview updating a heading). */
  #watchLightDom(): void {
    if (this.#observer) return;
    this.#observer = new MutationObserver(() => {
      // An empty element that receives content (a CMS preview filling it in) becomes a statement.
      if (this.view.kind === 'error' && this.view.reason === 'empty') this.#load();
      else this.#collectPlainHeadings();
    });
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'privacy-statement': PrivacyStatement;
  }
  interface HTMLElementEventMap {
    'privacy-statement-load': CustomEvent<StatementLoadDetail>;
  }
}
