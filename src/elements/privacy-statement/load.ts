/**
 * Fetching and parsing a statement document: every failure becomes a value saying what failed
 * (HTTP status, no connection, no answer in time, not JSON, invalid document), never an exception.
 */
import type { ValidationError } from '../../core/types.js';
import { validateStatement, type StatementDocument } from './document.js';

/**
 * Why a statement could not be shown; `timeout`: the server did not answer `src` (or not all of
 * it) within `STATEMENT_TIMEOUT_MS`; `empty`: the element has no `src`, no inline JSON and no
 * HTML content, so there is nothing to show.
 */
export type StatementErrorReason = 'http' | 'network' | 'timeout' | 'json' | 'invalid' | 'empty';

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

/**
 * How long a statement may take to arrive, answer and body together. A server that accepts the
 * connection and never answers would otherwise leave the visitor with "loading" for good and
 * the page with no `privacy-error` to act on.
 */
export const STATEMENT_TIMEOUT_MS = 15_000;

/**
 * Fetches `src` (relative to the page), then parses and validates it; gives up with `timeout`
 * after `timeoutMs` and stops the request.
 */
export async function fetchStatement(
  src: string,
  signal?: AbortSignal,
  timeoutMs: number = STATEMENT_TIMEOUT_MS,
): Promise<LoadResult> {
  const abort = new AbortController();
  const stop = (): void => abort.abort();
  if (signal?.aborted) stop();
  signal?.addEventListener('abort', stop, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A race, not only the abort: a fetch that ignores its signal (a wrapper, a polyfill) ends too.
  const timedOut = new Promise<LoadResult>((resolve) => {
    timer = setTimeout(() => {
      resolve({ ok: false, error: { reason: 'timeout', src } });
      stop();
    }, timeoutMs);
  });
  try {
    return await Promise.race([load(src, abort.signal), timedOut]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

async function load(src: string, signal: AbortSignal): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetch(src, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      signal,
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
