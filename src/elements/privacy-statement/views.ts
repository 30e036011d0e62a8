/**
 * What `<privacy-statement>` shows for a validated document (header, table of contents,
 * sections, change history, footer) and for a document it cannot show (the error).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { TranslateVars } from '../../i18n/controller.js';
import { formatDate, isIsoDate } from '../shared/dates.js';
import { directionOf } from '../shared/direction.js';
import { warnOnce } from '../shared/warn-once.js';
import { CHANGES_SECTION_ID, type StatementDocument } from './document.js';
import type { StatementErrorDetail } from './load.js';
import {
  heading,
  renderInline,
  renderSection,
  renderToc,
  type BlockContext,
  type HeadingLevel,
  type TocEntry,
} from './render.js';

/** The element's language, strings and heading level. */
export interface ViewContext {
  readonly t: (key: string, vars?: TranslateVars) => string;
  readonly lang: string;
  /** Level of section headings; the title is one higher. */
  readonly level: HeadingLevel;
}

/** `t(key)` with `{{date}}` replaced by a `<time>` element. */
export function dated(ctx: ViewContext, key: string, isoDate: string): TemplateResult {
  const marker = '\u0000';
  const [before = '', after = ''] = ctx.t(key, { date: marker }).split(marker);
  return html`${before}<time datetime=${isoDate}>${formatDate(isoDate, ctx.lang)}</time>${after}`;
}

/**
 * Plain-HTML mode's "last changed" line from the `updated` and `revision` attributes. A date that
 * is no real day (`2018-06-31`) would be formatted as another one ("1 juli 2018"): like the JSON
 * mode's check it is refused — left out, with a warning, as the editor's text must still show.
 */
export function renderPlainUpdated(
  ctx: ViewContext,
  updated: string | undefined,
  revision: string | undefined,
): TemplateResult | typeof nothing {
  const date = updated && isIsoDate(updated) ? updated : undefined;
  if (updated && !date)
    warnOnce(`privacy-statement: updated="${updated}": expected a date written YYYY-MM-DD; it is left out`);
  const rev = revision?.trim() ? ` (${ctx.t('changeRevision', { revision: revision.trim() })})` : '';
  if (!date && !rev) return nothing;
  return html`<p part="updated" lang=${ctx.lang}>
    ${date ? dated(ctx, 'lastChanged', date) : nothing}${rev}
  </p>`;
}

function title(ctx: ViewContext, text: string): TemplateResult {
  return ctx.level > 1
    ? heading((ctx.level - 1) as HeadingLevel, undefined, text, 'title')
    : html`<p part="title">${text}</p>`;
}

function translationNote(
  ctx: ViewContext,
  of: { readonly language: string; readonly revision: string },
): TemplateResult {
  let language = of.language;
  try {
    language = new Intl.DisplayNames([ctx.lang], { type: 'language' }).of(of.language) ?? of.language;
  } catch {
    // An unusual code stays as written.
  }
  return html`<p part="translation-note" lang=${ctx.lang}>
    ${ctx.t('translationNote', {
      language,
      // A date revision reads as the date beside it does (and does not break at its hyphens).
      revision: isIsoDate(of.revision) ? formatDate(of.revision, ctx.lang) : of.revision,
    })}
  </p>`;
}

function changes(
  doc: StatementDocument,
  ctx: ViewContext,
  blocks: BlockContext,
): TemplateResult | typeof nothing {
  if (!doc.changes?.length) return nothing;
  return html`<section part="section" data-section=${CHANGES_SECTION_ID}>
    ${heading(ctx.level, CHANGES_SECTION_ID, html`<span lang=${ctx.lang}>${ctx.t('changesHeading')}</span>`)}
    <ol part="changes">
      ${doc.changes.map(
        (c) =>
          html`<li>
            <span lang=${ctx.lang}
              ><time datetime=${c.date}>${formatDate(c.date, ctx.lang)}</time>
              (${ctx.t('changeRevision', { revision: c.revision })}):</span
            >
            ${renderInline(c.summary, blocks.inlineLive)}
          </li>`,
      )}
    </ol>
  </section>`;
}

/** The whole document; `onClick` handles its in-page links. */
export function renderDocumentView(
  doc: StatementDocument,
  ctx: ViewContext,
  blocks: BlockContext,
  onClick: (event: MouseEvent) => void,
): TemplateResult {
  const toc: TocEntry[] = doc.sections.map((s) => ({
    id: s.id,
    text: s.heading,
    children: (s.subsections ?? []).map((sub) => ({ id: sub.id, text: sub.heading })),
  }));
  if (doc.changes?.length)
    toc.push({ id: CHANGES_SECTION_ID, text: ctx.t('changesHeading'), lang: ctx.lang });
  // The element's own words may be in another language than the document (a `lang` the page set
  // on the element): each is marked with its own.
  return html`<article
    part="statement"
    lang=${doc.language}
    dir=${directionOf(doc.language)}
    @click=${onClick}
  >
    <header part="header">
      ${title(ctx, doc.title)}
      <p part="updated" lang=${ctx.lang}>${dated(ctx, 'lastChanged', doc.updated)}</p>
      ${doc.translationOf ? translationNote(ctx, doc.translationOf) : nothing}
    </header>
    ${renderToc(toc, ctx.t('toc'), ctx.lang)} ${doc.sections.map((s) => renderSection(s, ctx.level, blocks))}
    ${changes(doc, ctx, blocks)}
    <footer part="footer"><p lang=${ctx.lang}>${dated(ctx, 'lastChangedFooter', doc.updated)}</p></footer>
  </article>`;
}

/** Why the document cannot be shown, with each invalid field's path. */
export function renderErrorView(detail: StatementErrorDetail, ctx: ViewContext): TemplateResult {
  const t = (key: string) =>
    ctx.t(key, { src: detail.src ?? ctx.t('error.inlineSource'), status: detail.status ?? '' });
  return html`<div role="alert" part="error" lang=${ctx.lang}>
    <p><strong>${t('error.title')}</strong></p>
    <p>${t(`error.${detail.reason}`)}</p>
    ${
      detail.errors?.length
        ? html`<ul>
            ${detail.errors.slice(0, 20).map((e) => html`<li><code>${e.path || '(document)'}</code>: ${e.message}</li>`)}
          </ul>`
        : nothing
    }
  </div>`;
}
