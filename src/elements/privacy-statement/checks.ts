/**
 * The building blocks of statement validation: a checker that collects path-named errors while
 * walking unknown JSON, and the URL and date rules the format uses. Pure.
 */
import type { ValidationError } from '../../core/types.js';
import { isIsoDate } from '../shared/dates.js';

export { isIsoDate };

/**
 * Is this href safe to render as a link? Only http(s) and mailto; relative URLs resolve to the
 * page's http(s) origin. The URL parser strips tabs and control characters first, so
 * `java\tscript:` and ` javascript:` are caught as the browser would read them.
 */
export function isSafeHref(href: string): boolean {
  try {
    const { protocol } = new URL(href, 'https://relative.invalid/');
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** A JSON object being checked. */
export type Obj = Readonly<Record<string, unknown>>;

/** Live blocks that may also stand inside a sentence (`{ "live": "change-choices" }`). */
export const INLINE_LIVE = ['change-choices', 'consent-id', 'newsletter'] as const;

/**
 * Collects errors while walking a document; every check names its path. Warnings are problems
 * the element repairs by leaving something out (an unsafe link is shown as plain text).
 */
export class Checker {
  readonly errors: ValidationError[] = [];
  readonly warnings: ValidationError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  object(value: unknown, path: string, allowed: readonly string[]): Obj | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, 'expected an object');
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(join(path, key), `unknown key "${key}"`);
    }
    return value as Obj;
  }

  string(value: unknown, path: string, optional = false): value is string {
    if (value === undefined && optional) return true;
    if (typeof value === 'string' && value.trim() !== '') return true;
    this.fail(path, 'expected a non-empty string');
    return false;
  }

  array(value: unknown, path: string, nonEmpty = true): readonly unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.fail(path, 'expected an array');
      return undefined;
    }
    if (nonEmpty && value.length === 0) this.fail(path, 'expected at least one entry');
    return value;
  }

  date(value: unknown, path: string): void {
    if (typeof value !== 'string' || !isIsoDate(value)) this.fail(path, 'expected a date written YYYY-MM-DD');
  }

  /**
   * A link target: a string is required, but one with another scheme (`javascript:`, `data:`)
   * is only a warning — the renderer drops that one link and keeps the rest of the document.
   */
  href(value: unknown, path: string): void {
    if (!this.string(value, path)) return;
    if (!isSafeHref(value)) this.warn(path, 'not an http(s) or mailto URL: the link is left out');
  }

  inline(value: unknown, path: string): void {
    if (typeof value === 'string' && value.trim() !== '') return;
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(path, 'expected inline content');
      return;
    }
    value.forEach((run: unknown, i) => this.run(run, `${path}[${i}]`));
  }

  run(run: unknown, path: string): void {
    if (typeof run === 'string') return;
    const obj = this.object(run, path, ['text', 'em', 'strong', 'link', 'href', 'live']);
    if (!obj) return;
    const kinds = ['text', 'em', 'strong', 'link', 'live'].filter((k) => k in obj);
    if (kinds.length !== 1) {
      this.fail(path, 'expected exactly one of "text", "em", "strong", "link", "live"');
      return;
    }
    const kind = kinds[0] as string;
    if (kind === 'live') {
      if (!INLINE_LIVE.includes(obj['live'] as (typeof INLINE_LIVE)[number]))
        this.fail(join(path, 'live'), `expected one of ${INLINE_LIVE.join(', ')}`);
    } else {
      this.string(obj[kind], join(path, kind));
    }
    if (kind === 'link') this.href(obj['href'], join(path, 'href'));
    else if ('href' in obj) this.fail(join(path, 'href'), '"href" belongs to a "link" run only');
  }
}

/** `a.b` path of `key` under `path` (`key` alone at the top). */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
