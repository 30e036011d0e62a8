/**
 * The language a page's own text around `el` is in (its closest `lang`; empty, "unknown", when the
 * page declares none): text an editor wrote in an attribute is in it, whatever language the
 * element's strings fall back to. Apart from marked-text.ts: the banner, on every first visit,
 * needs only this.
 */
export function pageLanguage(el: Element): string {
  return el.closest('[lang]')?.getAttribute('lang') ?? '';
}
