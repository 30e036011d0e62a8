/**
 * Config text inside an element's own words may be in another language (a label the config has
 * only in Dutch, on an English page): WCAG 3.1.2 asks that such a part says which.
 */
import { html } from 'lit';
import type { TextInLanguage, Translate } from './config-text.js';

/** The text, wrapped in a `<span lang>` when it is not in `lang` (the element's language). */
export function inLanguage(part: TextInLanguage, lang: string): unknown {
  return part.lang && part.lang !== lang ? html`<span lang=${part.lang}>${part.text}</span>` : part.text;
}

// A private-use character never found in a translation: marks where a variable went.
const MARK = '\uE000';

/**
 * `t(key, vars)` whose config-text variables in another language than `lang` come out marked
 * (see `inLanguage`); the sentence around them stays text.
 */
export function translateMarked(
  t: Translate,
  lang: string,
  key: string,
  vars: Readonly<Record<string, string | number | TextInLanguage>>,
): unknown[] {
  const parts: TextInLanguage[] = [];
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(vars)) {
    if (typeof value !== 'object') plain[name] = value;
    else if (!value.lang || value.lang === lang) plain[name] = value.text;
    else plain[name] = `${MARK}${parts.push(value) - 1}${MARK}`;
  }
  const sentence = t(key, plain);
  if (!parts.length) return [sentence];
  // Split on the marks: even pieces are the translation's own text, odd ones a part's index.
  return sentence.split(MARK).map((piece, i) => {
    const part = i % 2 ? parts[Number(piece)] : undefined;
    return part ? inLanguage(part, lang) : piece;
  });
}
