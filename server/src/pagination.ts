// Paging of the staff exports: `?limit=` (default and most EXPORT_PAGE_MAX) and `?after=<cursor>`,
// the cursor being the last row's sort key, opaque to clients. A page is read with one indexed
// query, so an export never holds the whole table in memory, and rows added meanwhile are neither
// repeated nor skipped (keyset, not OFFSET).

/** Most rows one export answer holds; also the default page size. */
export const EXPORT_PAGE_MAX = 10_000;

/** The page a request asks for: its size and, after the first page, the cursor's parts. */
export interface PageRequest {
  readonly limit: number;
  readonly after: readonly string[] | undefined;
}

/** The query schema's part for paging (query values are strings; the handler reads them). */
export const pageQueryProperties = {
  limit: { type: 'string', pattern: '^[0-9]{1,6}$' },
  after: { type: 'string', maxLength: 512, pattern: '^[A-Za-z0-9_-]+$' },
} as const;

/** Encodes a sort key (e.g. `[at, receiptId]`) as an opaque URL-safe cursor. */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, size: number): string[] | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== size) return undefined;
    return parts.every((p): p is string => typeof p === 'string' && p.length <= 128) ? parts : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `limit` and `after` (a cursor of `size` parts), or names what is wrong with them. */
export function readPage(
  query: { limit?: string | undefined; after?: string | undefined },
  size: number,
): { ok: true; value: PageRequest } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const limit = query.limit === undefined ? EXPORT_PAGE_MAX : Number(query.limit);
  if (!(limit >= 1 && limit <= EXPORT_PAGE_MAX))
    fields.limit = `must be a whole number from 1 to ${EXPORT_PAGE_MAX}`;
  const after = query.after === undefined ? undefined : decodeCursor(query.after, size);
  if (query.after !== undefined && after === undefined)
    fields.after = 'must be the cursor of a previous answer (its "next")';
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, value: { limit, after } };
}

/**
 * The `Link` header to the next page (RFC 8288, relative to the request): the same query with
 * `after` set to the cursor. Clients can follow it, or read `next` from the JSON answer.
 */
export function nextPageLink(requestUrl: string, cursor: string): string {
  const url = new URL(requestUrl, 'http://x');
  url.searchParams.set('after', cursor);
  return `<${url.pathname}${url.search}>; rel="next"`;
}
