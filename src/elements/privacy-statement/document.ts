/**
 * The privacy statement as data: the typed JSON format (`privacy-statement/1`) and its one
 * validating function. Pure: no DOM, no Lit, so a CMS or a build step can validate documents too.
 */
import type { Result, ValidationError } from '../../core/types.js';
import { isPlainEmail } from '../shared/email.js';
import { Checker, INLINE_LIVE, join, type Obj } from './checks.js';

export { isIsoDate, isSafeHref } from './checks.js';

/** Format tag every statement document carries; a new major format gets a new tag. */
export const STATEMENT_FORMAT = 'privacy-statement/1';

/** One run of inline text. A bare string is plain text. */
export type InlineRun =
  | string
  | { readonly text: string }
  | { readonly em: string }
  | { readonly strong: string }
  /**
   * `href` is http(s) or mailto (relative URLs resolve to http(s) and are allowed); any other
   * scheme (`javascript:`) is reported as a warning and the run shows as plain text.
   */
  | { readonly link: string; readonly href: string }
  /** A live block inside the sentence: a "change your choices" button, the consent id, the newsletter link. */
  | { readonly live: InlineLiveName };

/** Text with light markup: one string, or a list of runs. */
export type InlineContent = string | readonly InlineRun[];

/** Live blocks: parts of the statement filled with the visitor's real choices. */
export type LiveBlockName = 'cookie-table' | 'change-choices' | 'consent-id' | 'newsletter';

/** The live blocks that also fit inside a sentence (the cookie table does not). */
export type InlineLiveName = (typeof INLINE_LIVE)[number];

/** A paragraph of inline content. */
export interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly text: InlineContent;
}

/** A bulleted (or, with `ordered`, numbered) list. */
export interface ListBlock {
  readonly type: 'list';
  readonly ordered?: boolean;
  readonly items: readonly InlineContent[];
}

/** A data table; every row has as many cells as the header. */
export interface TableBlock {
  readonly type: 'table';
  readonly caption?: string;
  readonly header: readonly InlineContent[];
  readonly rows: readonly (readonly InlineContent[])[];
}

/** The organisation's contact details; `email` is where access/correction requests go. */
export interface ContactBlock {
  readonly type: 'contact';
  readonly organisation: string;
  readonly address?: readonly string[];
  readonly email?: string;
  readonly phone?: string;
  readonly url?: string;
  /** Chamber of commerce or similar registration line, e.g. `KvK 37132850`. */
  readonly registration?: string;
}

/** A placeholder the element fills with live content (cookie table, settings button, …). */
export interface LiveBlock {
  readonly type: 'live';
  readonly block: LiveBlockName;
  /** For `newsletter`: the newsletter page. */
  readonly href?: string;
}

/** Any block of a section. */
export type StatementBlock = ParagraphBlock | ListBlock | TableBlock | ContactBlock | LiveBlock;

/** A titled part of the statement; `id` is its anchor (`#doorgifte`). */
export interface StatementSection {
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly StatementBlock[];
  /** Sub-sections, one level deep (rendered one heading level lower); may be empty. */
  readonly subsections?: readonly StatementSection[];
}

/** One entry of the statement's change history. */
export interface StatementChange {
  readonly revision: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly summary: InlineContent;
}

/** A whole privacy statement in one language. */
export interface StatementDocument {
  readonly format: typeof STATEMENT_FORMAT;
  /** Bind it to the consent config's `revision`: a new statement revision asks for consent again. */
  readonly revision: string;
  /** `YYYY-MM-DD`, shown as "last changed on". */
  readonly updated: string;
  /** Language of the text (`nl`, `en`, …). */
  readonly language: string;
  readonly title: string;
  /** Set on translations: the original's language and the revision translated. */
  readonly translationOf?: { readonly language: string; readonly revision: string };
  readonly changes?: readonly StatementChange[];
  readonly sections: readonly StatementSection[];
}

/** Id the element gives the rendered change history; sections may not use it. */
export const CHANGES_SECTION_ID = 'changes';

const LIVE_BLOCKS: readonly LiveBlockName[] = ['cookie-table', 'change-choices', 'consent-id', 'newsletter'];
const SECTION_ID = /^[a-z][a-z0-9-]*$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function checkBlock(c: Checker, value: unknown, path: string): void {
  const type = typeof value === 'object' && value !== null ? (value as Obj)['type'] : undefined;
  switch (type) {
    case 'paragraph': {
      const b = c.object(value, path, ['type', 'text']);
      if (b) c.inline(b['text'], join(path, 'text'));
      return;
    }
    case 'list': {
      const b = c.object(value, path, ['type', 'ordered', 'items']);
      if (!b) return;
      if (b['ordered'] !== undefined && typeof b['ordered'] !== 'boolean')
        c.fail(join(path, 'ordered'), 'expected true or false');
      c.array(b['items'], join(path, 'items'))?.forEach((item, i) => c.inline(item, `${path}.items[${i}]`));
      return;
    }
    case 'table': {
      const b = c.object(value, path, ['type', 'caption', 'header', 'rows']);
      if (!b) return;
      c.string(b['caption'], join(path, 'caption'), true);
      const header = c.array(b['header'], join(path, 'header'));
      header?.forEach((cell, i) => c.inline(cell, `${path}.header[${i}]`));
      c.array(b['rows'], join(path, 'rows'))?.forEach((row, r) => {
        const cells = c.array(row, `${path}.rows[${r}]`);
        if (cells && header && cells.length !== header.length) {
          c.fail(
            `${path}.rows[${r}]`,
            `expected ${header.length} cells like the header, got ${cells.length}`,
          );
        }
        cells?.forEach((cell, i) => c.inline(cell, `${path}.rows[${r}][${i}]`));
      });
      return;
    }
    case 'contact': {
      const b = c.object(value, path, [
        'type',
        'organisation',
        'address',
        'email',
        'phone',
        'url',
        'registration',
      ]);
      if (!b) return;
      c.string(b['organisation'], join(path, 'organisation'));
      if (b['address'] !== undefined) {
        c.array(b['address'], join(path, 'address'))?.forEach((line, i) =>
          c.string(line, `${path}.address[${i}]`),
        );
      }
      if (b['email'] !== undefined && !(typeof b['email'] === 'string' && isPlainEmail(b['email']))) {
        c.fail(join(path, 'email'), 'expected an e-mail address');
      }
      c.string(b['phone'], join(path, 'phone'), true);
      c.string(b['registration'], join(path, 'registration'), true);
      if (b['url'] !== undefined) c.href(b['url'], join(path, 'url'));
      return;
    }
    case 'live': {
      const b = c.object(value, path, ['type', 'block', 'href']);
      if (!b) return;
      if (!LIVE_BLOCKS.includes(b['block'] as LiveBlockName)) {
        c.fail(join(path, 'block'), `expected one of ${LIVE_BLOCKS.join(', ')}`);
      }
      if (b['href'] !== undefined) {
        if (b['block'] === 'newsletter') c.href(b['href'], join(path, 'href'));
        else c.fail(join(path, 'href'), '"href" belongs to the newsletter block only');
      }
      return;
    }
    default:
      c.fail(join(path, 'type'), 'expected "paragraph", "list", "table", "contact" or "live"');
  }
}

function checkSection(c: Checker, value: unknown, path: string, ids: Set<string>, nested: boolean): void {
  const s = c.object(value, path, ['id', 'heading', 'blocks', 'subsections']);
  if (!s) return;
  const id = s['id'];
  if (typeof id !== 'string' || !SECTION_ID.test(id)) {
    c.fail(
      join(path, 'id'),
      'expected an id of lowercase letters, digits and hyphens, starting with a letter',
    );
  } else if (id === CHANGES_SECTION_ID) {
    c.fail(join(path, 'id'), `"${CHANGES_SECTION_ID}" is reserved for the change history`);
  } else if (ids.has(id)) {
    c.fail(join(path, 'id'), `duplicate id "${id}"`);
  } else {
    ids.add(id);
  }
  c.string(s['heading'], join(path, 'heading'));
  c.array(s['blocks'], join(path, 'blocks'), false)?.forEach((b, i) =>
    checkBlock(c, b, `${path}.blocks[${i}]`),
  );
  if (s['subsections'] === undefined) return;
  // Only one level: deeper nesting makes headings skip levels or run past h6.
  if (nested) {
    c.fail(join(path, 'subsections'), 'sub-sections cannot have sub-sections');
    return;
  }
  c.array(s['subsections'], join(path, 'subsections'), false)?.forEach((sub, i) =>
    checkSection(c, sub, `${path}.subsections[${i}]`, ids, true),
  );
}

/**
 * What `validateStatement` found: the document or its errors, and in both cases the warnings —
 * links with another scheme than http(s)/mailto, which the element leaves out (showing their text).
 */
export type StatementValidation = Result<StatementDocument> & {
  readonly warnings: readonly ValidationError[];
};

/**
 * Checks that `input` (parsed JSON) is a statement document. Errors name their path
 * (`sections[2].blocks[0].items[1]: expected inline content`); unknown keys are errors. A link
 * whose href is not http(s)/mailto (`javascript:`) does not spoil the document: it is a warning,
 * and the element renders that link as plain text.
 */
export function validateStatement(input: unknown): StatementValidation {
  const c = new Checker();
  const doc = c.object(input, '', [
    'format',
    'revision',
    'updated',
    'language',
    'title',
    'translationOf',
    'changes',
    'sections',
  ]);
  if (!doc) {
    return {
      ok: false,
      errors: [{ path: '', message: 'expected a statement document (a JSON object)' }],
      warnings: [],
    };
  }
  if (doc['format'] !== STATEMENT_FORMAT) c.fail('format', `expected "${STATEMENT_FORMAT}"`);
  // Bound to consent (config `statement.bindRevision`), it must also be a valid consent revision.
  if (c.string(doc['revision'], 'revision') && !/^.{1,64}$/.test(doc['revision'])) {
    c.fail('revision', 'at most 64 characters on one line');
  }
  c.date(doc['updated'], 'updated');
  if (typeof doc['language'] !== 'string' || !LANGUAGE.test(doc['language'])) {
    c.fail('language', 'expected a language code such as "nl" or "en"');
  }
  c.string(doc['title'], 'title');
  if (doc['translationOf'] !== undefined) {
    const t = c.object(doc['translationOf'], 'translationOf', ['language', 'revision']);
    if (t && (typeof t['language'] !== 'string' || !LANGUAGE.test(t['language']))) {
      c.fail('translationOf.language', 'expected a language code such as "nl"');
    } else if (t && t['language'] === doc['language']) {
      // Copied from an example into an original: it would say it is a translation of itself.
      c.fail(
        'translationOf.language',
        "the document's own language: leave translationOf out of the original",
      );
    }
    if (t) c.string(t['revision'], 'translationOf.revision');
  }
  if (doc['changes'] !== undefined) {
    c.array(doc['changes'], 'changes', false)?.forEach((entry, i) => {
      const ch = c.object(entry, `changes[${i}]`, ['revision', 'date', 'summary']);
      if (!ch) return;
      c.string(ch['revision'], `changes[${i}].revision`);
      c.date(ch['date'], `changes[${i}].date`);
      c.inline(ch['summary'], `changes[${i}].summary`);
    });
  }
  const ids = new Set<string>();
  c.array(doc['sections'], 'sections')?.forEach((s, i) => checkSection(c, s, `sections[${i}]`, ids, false));
  return c.errors.length === 0
    ? { ok: true, value: input as StatementDocument, warnings: c.warnings }
    : { ok: false, errors: c.errors, warnings: c.warnings };
}

/** The first contact block's e-mail address: where access and correction requests go. */
export function contactEmail(doc: StatementDocument): string | undefined {
  const all = doc.sections.flatMap((s) => [s, ...(s.subsections ?? [])]);
  for (const section of all) {
    for (const block of section.blocks) if (block.type === 'contact' && block.email) return block.email;
  }
  return undefined;
}
