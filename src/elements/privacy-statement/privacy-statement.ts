import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ValidationError } from '../../core/types.js';
import { I18nController } from '../../i18n/controller.js';
import { ConsentController } from '../consent-controller.js';
import type { StatementDocument } from './document.js';
import { FragmentLinks } from './fragment-links.js';
import { collectHeadings } from './headings.js';
import { renderInlineLive, renderLiveBlock, type LiveContext } from './live-blocks.js';
import {
  fetchStatement,
  parseStatement,
  acceptStatement,
  type LoadResult,
  type StatementErrorDetail,
} from './load.js';
import { ensureStatementStrings } from './locales.js';
import { renderToc, type BlockContext, type HeadingLevel, type TocEntry } from './render.js';
import { renderDocumentView, renderErrorView, renderPlainUpdated, type ViewContext } from './views.js';
import { tableStyles } from '../shared/tables.styles.js';
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
 * @attr lang - Language of the texts around the document (TOC label, dates, errors, live blocks); default the document's language.
 * @attr heading-level - Level of section headings (default 2; the title is one level up).
 * @attr email - Address for access/correction mails (default, and in place of one that is not a plain address: the document's contact e-mail).
 * @attr newsletter-href - Newsletter page the newsletter block links to.
 * @attr revision - Plain-HTML mode: the statement's revision, shown after the last-changed date (binding it to consent needs a JSON statement).
 * @attr updated - Plain-HTML mode: last-changed date, `YYYY-MM-DD` (no real day: left out, with a warning).
 * @fires privacy-error - The document could not be shown (also: the element is empty, or `src` gave no complete answer within 15 s: reason `timeout`); detail `{ reason, errors?, status?, src? }`.
 * @fires privacy-statement-load - A JSON document was validated and rendered; detail `{ document, warnings }`.
 * @slot - Plain-HTML mode: the statement's content (`<h2>`s become the table of contents).
 * @slot title - Plain-HTML mode: the statement's title, shown above the table of contents.
 * @csspart statement - The rendered document (`<article>`).
 * @csspart header - Title, "last changed" and translation note.
 * @csspart title - The title heading.
 * @csspart updated - The "last changed on" line.
 * @csspart translation-note - Note on translated documents.
 * @csspart toc - The table of contents (`<nav>`).
 * @csspart toc-label - The table of contents' label.
 * @csspart toc-link - Each link in the table of contents.
 * @csspart section - Each section.
 * @csspart heading - Each section's heading (and that of the change history).
 * @csspart list - Lists in the text.
 * @csspart table - Tables in the text.
 * @csspart loading - Shown while the document loads.
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
 * @cssprop --privacy-color-accent - Button background.
 * @cssprop --privacy-color-accent-text - Button text.
 * @cssprop --privacy-radius - Corner radius of the TOC, buttons and the error message.
 * @cssprop --privacy-spacing - Spacing of the TOC and the error message.
 * @cssprop --privacy-color-focus - Focus ring.
 * @cssprop --privacy-color-error - Border of the error message.
 * @cssprop --privacy-scroll-margin - Room kept above a heading the table of contents scrolls to (a sticky header's height).
 */
export class PrivacyStatement extends LitElement {
  static override styles = [tableStyles, statementStyles];

  static override properties = {
    src: { reflect: true },
    document: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    email: {},
    newsletterHref: { attribute: 'newsletter-href' },
    revision: {},
    updatedOn: { attribute: 'updated' },
    view: { state: true },
    plainHeadings: { state: true },
  };

  /** URL of the JSON document. */
  src: string | undefined = undefined;
  /** The document itself (validated like a fetched one); takes precedence over `src`. */
  document: unknown = undefined;
  /** Level of section headings, 1–5 (sub-sections one lower, the title one higher). */
  headingLevel = 2;
  /** Address for access/correction requests; default the document's contact e-mail. */
  email: string | undefined = undefined;
  /** Newsletter page for the `newsletter` live block. */
  newsletterHref: string | undefined = undefined;
  /** Plain-HTML mode: revision of the statement, shown after the last-changed date. */
  revision: string | undefined = undefined;
  /** Plain-HTML mode: last-changed date (`YYYY-MM-DD`), attribute `updated`. */
  updatedOn: string | undefined = undefined;

  private view: View = { kind: 'loading' };
  private plainHeadings: TocEntry[] = [];

  // The document has its own language: each part is marked in the templates.
  readonly #i18n = new I18nController(this, 'statement', false);
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

  override render(): TemplateResult | typeof nothing {
    const view = this.view;
    switch (view.kind) {
      case 'loading':
        return html`<p role="status" part="loading" lang=${this.#i18n.lang}>${this.#i18n.t('loading')}</p>`;
      case 'error':
        return renderErrorView(view, this.#viewContext);
      case 'plain':
        return this.#renderPlain();
      case 'ready':
        return this.#renderDocument(view.doc);
    }
  }

  #renderPlain(): TemplateResult {
    return html`<slot name="title"></slot>
      ${renderPlainUpdated(this.#viewContext, this.updatedOn, this.revision)}
      ${renderToc(this.plainHeadings, this.#i18n.t('toc'), this.#i18n.lang)}
      <slot @slotchange=${this.#collectPlainHeadings}></slot>`;
  }

  get #viewContext(): ViewContext {
    return { t: (key, vars) => this.#i18n.t(key, vars), lang: this.#i18n.lang, level: this.#level };
  }

  #renderDocument(doc: StatementDocument): TemplateResult {
    const live: LiveContext = {
      kit: this.#consent.kit,
      t: (key) => this.#i18n.t(key),
      lang: this.#i18n.lang,
      doc,
      email: this.email,
      newsletterHref: this.newsletterHref,
    };
    const blocks: BlockContext = {
      labels: {
        email: this.#i18n.t('contact.email'),
        phone: this.#i18n.t('contact.phone'),
        website: this.#i18n.t('contact.website'),
        lang: this.#i18n.lang,
      },
      live: (block) => renderLiveBlock(block, live),
      inlineLive: (name) => renderInlineLive(name, live),
    };
    return renderDocumentView(doc, this.#viewContext, blocks, this.#links.onClick);
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
  // The events bubble out of shadow roots (composed) up to document.
  interface HTMLElementEventMap {
    'privacy-statement-load': CustomEvent<StatementLoadDetail>;
    'privacy-error': CustomEvent<StatementErrorDetail>;
  }
  interface DocumentEventMap {
    'privacy-statement-load': CustomEvent<StatementLoadDetail>;
    'privacy-error': CustomEvent<StatementErrorDetail>;
  }
}
