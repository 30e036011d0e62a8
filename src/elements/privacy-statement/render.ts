/**
 * Lit templates for the statement's content. Every string from a document is rendered as text
 * (Lit escapes it); links are rendered only for safe hrefs, so even a document that skipped
 * validation cannot produce a `javascript:` link.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  isSafeHref,
  type ContactBlock,
  type InlineContent,
  type InlineLiveName,
  type InlineRun,
  type LiveBlock,
  type StatementBlock,
  type StatementSection,
} from './document.js';

/** Heading levels the element renders. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** Renders a live block that stands inside a sentence (`{ "live": "consent-id" }`). */
export type InlineLive = (name: InlineLiveName) => TemplateResult | string | typeof nothing;

/** Renders one run of inline content; live runs only where the element supplies them. */
function run(r: InlineRun, live: InlineLive | undefined): TemplateResult | string | typeof nothing {
  if (typeof r === 'string') return r;
  if ('em' in r) return html`<em>${r.em}</em>`;
  if ('strong' in r) return html`<strong>${r.strong}</strong>`;
  if ('link' in r) {
    // A javascript:/data: link is left out (validation warned about it): its text stays, as text.
    return isSafeHref(r.href) ? html`<a part="link" href=${r.href}>${r.link}</a>` : r.link;
  }
  if ('live' in r) return live ? live(r.live) : nothing;
  return r.text;
}

/** Renders inline content (a string or runs) as text and inline elements. */
export function renderInline(content: InlineContent, live?: InlineLive): TemplateResult | string {
  return typeof content === 'string' ? content : html`${content.map((r) => run(r, live))}`;
}

/** Plain text of inline content (for labels and tests); live runs have none of their own. */
export function inlineText(content: InlineContent): string {
  if (typeof content === 'string') return content;
  return content
    .map((r) =>
      typeof r === 'string'
        ? r
        : 'em' in r
          ? r.em
          : 'strong' in r
            ? r.strong
            : 'link' in r
              ? r.link
              : 'live' in r
                ? ''
                : r.text,
    )
    .join('');
}

/**
 * A heading of the given level. Lit cannot bind a tag name, and static templates would mean
 * `unsafeStatic`; six literal templates keep every tag name a constant.
 */
export function heading(
  level: HeadingLevel,
  id: string | undefined,
  content: unknown,
  part = 'heading',
): TemplateResult {
  const i = id ?? nothing;
  const tab = id ? '-1' : nothing;
  switch (level) {
    case 1:
      return html`<h1 id=${i} tabindex=${tab} part=${part}>${content}</h1>`;
    case 2:
      return html`<h2 id=${i} tabindex=${tab} part=${part}>${content}</h2>`;
    case 3:
      return html`<h3 id=${i} tabindex=${tab} part=${part}>${content}</h3>`;
    case 4:
      return html`<h4 id=${i} tabindex=${tab} part=${part}>${content}</h4>`;
    case 5:
      return html`<h5 id=${i} tabindex=${tab} part=${part}>${content}</h5>`;
    default:
      return html`<h6 id=${i} tabindex=${tab} part=${part}>${content}</h6>`;
  }
}

/** Labels for the contact block, in the element's language (`lang`: the document's may differ). */
export interface ContactLabels {
  readonly email: string;
  readonly phone: string;
  readonly website: string;
  readonly lang: string;
}

function contact(block: ContactBlock, labels: ContactLabels): TemplateResult {
  const url = block.url && isSafeHref(block.url) ? block.url : undefined;
  return html`<address part="contact">
    <span class="line organisation">${block.organisation}</span>
    ${(block.address ?? []).map((line) => html`<span class="line">${line}</span>`)}
    ${
      block.phone
        ? html`<span class="line"
            ><span lang=${labels.lang}>${labels.phone}:</span>
            <a part="link" href=${`tel:${block.phone.replace(/[^\d+]/g, '')}`}>${block.phone}</a></span
          >`
        : nothing
    }
    ${
      block.email
        ? html`<span class="line"
            ><span lang=${labels.lang}>${labels.email}:</span>
            <a part="link" href=${`mailto:${block.email}`}>${block.email}</a></span
          >`
        : nothing
    }
    ${url ? html`<span class="line"><span lang=${labels.lang}>${labels.website}:</span> <a part="link" href=${url}>${url}</a></span>` : nothing}
    ${block.registration ? html`<span class="line">${block.registration}</span>` : nothing}
  </address>`;
}

/** What the renderer needs from the element: contact labels and the live blocks. */
export interface BlockContext {
  readonly labels: ContactLabels;
  readonly live: (block: LiveBlock) => TemplateResult | typeof nothing;
  readonly inlineLive: InlineLive;
}

/** Renders one block of a section. */
export function renderBlock(block: StatementBlock, ctx: BlockContext): TemplateResult | typeof nothing {
  switch (block.type) {
    case 'paragraph':
      return html`<p>${renderInline(block.text, ctx.inlineLive)}</p>`;
    case 'list': {
      const items = block.items.map((item) => html`<li>${renderInline(item, ctx.inlineLive)}</li>`);
      return block.ordered
        ? html`<ol part="list">
            ${items}
          </ol>`
        : html`<ul part="list">
            ${items}
          </ul>`;
    }
    case 'table':
      // A table wider than the column scrolls inside a named region a keyboard user can Tab to.
      return html`<div
        class="table-scroll"
        role="region"
        tabindex="0"
        aria-label=${block.caption ?? block.header.map(inlineText).join(', ')}
      >
        <table part="table">
          ${
            block.caption
              ? html`<caption>
                  ${block.caption}
                </caption>`
              : nothing
          }
          <thead>
            <tr>
              ${block.header.map((cell) => html`<th scope="col">${renderInline(cell, ctx.inlineLive)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${block.rows.map(
              (row) =>
                html`<tr>
                  ${row.map((cell) => html`<td>${renderInline(cell, ctx.inlineLive)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    case 'contact':
      return contact(block, ctx.labels);
    case 'live':
      return ctx.live(block);
  }
}

/** Renders a section with its heading (at `level`) and sub-sections one level lower. */
export function renderSection(
  section: StatementSection,
  level: HeadingLevel,
  ctx: BlockContext,
): TemplateResult {
  const sub = Math.min(level + 1, 6) as HeadingLevel;
  return html`<section part="section" data-section=${section.id}>
    ${heading(level, section.id, section.heading)} ${section.blocks.map((b) => renderBlock(b, ctx))}
    ${(section.subsections ?? []).map((s) => renderSection(s, sub, ctx))}
  </section>`;
}

/** One entry of the table of contents. */
export interface TocEntry {
  readonly id: string;
  readonly text: string;
  /** Set when the entry is the element's own words rather than the document's. */
  readonly lang?: string;
  readonly children?: readonly TocEntry[];
}

/** Renders the table of contents as a nav with nested lists of in-page links. */
export function renderToc(
  entries: readonly TocEntry[],
  label: string,
  lang?: string,
): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  const list = (items: readonly TocEntry[]): TemplateResult =>
    html`<ol>
      ${items.map(
        (e) =>
          html`<li>
            <a part="toc-link" href=${`#${e.id}`} lang=${e.lang ?? nothing}>${e.text}</a
            >${e.children?.length ? list(e.children) : nothing}
          </li>`,
      )}
    </ol>`;
  // `_` cannot occur in a section id (lowercase and hyphens): no document can take this one.
  return html`<nav part="toc" aria-labelledby="toc_label">
    <p id="toc_label" part="toc-label" lang=${lang ?? nothing}>${label}</p>
    ${list(entries)}
  </nav>`;
}
