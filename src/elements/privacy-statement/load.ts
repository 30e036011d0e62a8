/**
 * Fetching and parsing a statement document: every failure becomes a value saying what failed
 * (HTTP status, no connection, not JSON, invalid document), never an exception.
 */
import type { ValidationError } from '../../core/types.js';
import { validateStatement, type StatementDocument } from './document.js';

/**
 * Why a statement could not be shown; `empty`: the element has no `src`, no inline JSON and no
 * HTML content, so there is nothing to show.
 */
export type StatementErrorReason = 'http' | 'network' | 'json' | 'invalid' | 'empty';

/** Detail of the `privacy-error` event. */
export interface StatementErrorDetail {
  readonly reason: StatementErrorReason;
  /** Validation errors, for `invalid`. */
  readonly errors?: readonly ValidationError[];
  /** HTTP status, for `http`. */
  readonly status?: number;
  /** The URL that failed, when the document came from `src`. */
  readonly src?: string;
}

/** A document (with the links it will leave out, see `validateStatement`), or why there is none. */
export type LoadResult =
  | {
      readonly ok: true;
      readonly document: StatementDocument;
      readonly warnings: readonly ValidationError[];
    }
  | { readonly ok: false; readonly error: StatementErrorDetail };

/** Validates already-parsed data; `src` is named in the error when given. */
export function acceptStatement(data: unknown, src?: string): LoadResult {
  const result = validateStatement(data);
  if (result.ok) return { ok: true, document: result.value, warnings: result.warnings };
  return { ok: false, error: { reason: 'invalid', errors: result.errors, ...(src ? { src } : {}) } };
}

/** Parses and validates the text of an inline `<script type="application/json">`. */
export function parseStatement(text: string): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { reason: 'json' } };
  }
  return acceptStatement(data);
}

/** Fetches `src` (relative to the page), then parses and validates it. */
export async function fetchStatement(src: string, signal?: AbortSignal): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetch(src, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      ...(signal ? { signal } : {}),
    });
  } catch {
    return { ok: false, error: { reason: 'network', src } };
  }
  if (!response.ok) return { ok: false, error: { reason: 'http', status: response.status, src } };
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    return { ok: false, error: { reason: 'json', src } };
  }
  return acceptStatement(data, src);
}
