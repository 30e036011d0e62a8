/**
 * Plain-HTML mode: the editor's own `<h2>`s become the table of contents. Headings without an
 * id get one made from their text, unique in the page, so TOC links and shared links work.
 */
import type { TocEntry } from './render.js';

/** `Doorgifte aan derden` → `doorgifte-aan-derden`; accents dropped, never empty. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : /^[a-z]/.test(slug) ? slug : `section-${slug}`;
}

/** An id not yet used in `doc`, based on the heading's text. */
function uniqueId(text: string, doc: Document): string {
  const base = slugify(text);
  let id = base;
  for (let n = 2; doc.getElementById(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The `<h2>`s among `elements` (themselves or inside them), in document order, each given an id
 * if it had none. Headings marked `data-toc="false"` are left out.
 */
export function collectHeadings(elements: readonly Element[], doc: Document): TocEntry[] {
  const headings = elements.flatMap((el) => [
    ...(el.matches('h2') ? [el] : []),
    ...el.querySelectorAll('h2'),
  ]);
  return headings
    .filter((h) => h.getAttribute('data-toc') !== 'false')
    .map((h) => {
      const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!h.id) h.id = uniqueId(text, doc);
      return { id: h.id, text };
    })
    .filter((entry) => entry.text !== '');
}
