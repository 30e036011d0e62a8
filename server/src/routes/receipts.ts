// Consent receipts: `POST` stores one (idempotent by receiptId), `GET` exports them for staff.
import type { FastifyInstance } from 'fastify';
import { requireExportToken } from '../auth.js';
import { toCsv } from '../csv.js';
import { sendError } from '../errors.js';
import { checkReceipt } from '../receipt-checks.js';
import { receiptBody, receiptExportQuery } from '../schemas.js';
import { encodeCursor, nextPageLink, readPage } from '../pagination.js';
import type { ReceiptInput, Storage, StoredReceipt } from '../storage/types.js';

/** Options of the receipts routes. */
export interface ReceiptRoutesOptions {
  readonly storage: Storage;
  readonly exportToken: string | undefined;
  readonly now: () => Date;
}

interface ExportQuery {
  consentId?: string;
  from?: string;
  to?: string;
  format?: 'json' | 'csv';
  limit?: string;
  after?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LAST_MOMENT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Reads an export bound: a date (`2026-01-31`) or an ISO date-time. A date as `to` means the end
 * of that day, so `from=2026-01-01&to=2026-01-31` is all of January.
 */
export function parseBound(raw: string, edge: 'from' | 'to'): string | null {
  if (!DATE_ONLY.test(raw) && !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(raw)) return null;
  const time = Date.parse(DATE_ONLY.test(raw) ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(time)) return null;
  const end = edge === 'to' && DATE_ONLY.test(raw) ? time + 86_400_000 : time;
  // Past year 9999 the ISO form becomes `+010000-…`, which sorts before every stored time.
  return new Date(Math.min(end, LAST_MOMENT)).toISOString();
}

/** Registers `POST` and `GET` on `path`. */
export function receiptRoutes(app: FastifyInstance, path: string, options: ReceiptRoutesOptions): void {
  app.post<{ Body: ReceiptInput }>(path, { schema: { body: receiptBody } }, async (request, reply) => {
    const checked = checkReceipt(request.body, options.now());
    if (!checked.ok) {
      return sendError(reply, 400, {
        error: 'validation',
        message: `Invalid request body: ${Object.entries(checked.fields)
          .map(([field, problem]) => `${field} ${problem}`)
          .join('; ')}`,
        fields: checked.fields,
      });
    }
    const receipt = checked.value;
    const outcome = await options.storage.insertReceipt(receipt, options.now().toISOString());
    return reply
      .code(outcome === 'stored' ? 201 : 200)
      .send({ receiptId: receipt.receiptId, stored: outcome === 'stored' });
  });

  app.get<{ Querystring: ExportQuery }>(
    path,
    {
      schema: { querystring: receiptExportQuery },
      preHandler: requireExportToken(options.exportToken),
    },
    async (request, reply) => {
      const { format = 'json' } = request.query;
      // Stored in lower case (checkReceipt); a filter in capitals must still find them.
      const consentId = request.query.consentId?.toLowerCase();
      const fields: Record<string, string> = {};
      const from = request.query.from === undefined ? undefined : parseBound(request.query.from, 'from');
      const to = request.query.to === undefined ? undefined : parseBound(request.query.to, 'to');
      if (from === null) fields.from = 'must be a date (2026-01-31) or an ISO 8601 date-time';
      if (to === null) fields.to = 'must be a date (2026-01-31) or an ISO 8601 date-time';
      const page = readPage(request.query, 2);
      if (!page.ok) Object.assign(fields, page.fields);
      if (from === null || to === null || !page.ok) {
        return sendError(reply, 400, {
          error: 'validation',
          message: `Invalid request query: ${Object.keys(fields).join(', ')}`,
          fields,
        });
      }
      const [afterAt, afterId] = page.value.after ?? [];
      const after =
        afterAt !== undefined && afterId !== undefined ? { at: afterAt, receiptId: afterId } : undefined;
      // One row more than the page tells whether there is a next page.
      const rows = await options.storage.listReceipts({
        consentId,
        from,
        to,
        after,
        limit: page.value.limit + 1,
      });
      const receipts = rows.slice(0, page.value.limit);
      const last = receipts.at(-1);
      const next = rows.length > page.value.limit && last ? encodeCursor([last.at, last.receiptId]) : null;
      if (next !== null) reply.header('Link', nextPageLink(request.url, next));
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="consent-receipts.csv"')
          .send(receiptsCsv(receipts));
      }
      return reply.send({ receipts, next });
    },
  );
}

const CSV_HEADER = [
  'receiptId',
  'consentId',
  'revision',
  'granted',
  'denied',
  'method',
  'at',
  'userAgent',
  'receivedAt',
] as const;

function receiptsCsv(receipts: readonly StoredReceipt[]): string {
  return toCsv(
    CSV_HEADER,
    receipts.map((r) => [
      r.receiptId,
      r.consentId,
      r.revision,
      r.granted.join(' '),
      r.denied.join(' '),
      r.method,
      r.at,
      r.userAgent,
      r.receivedAt,
    ]),
  );
}
