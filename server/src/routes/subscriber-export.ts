// The staff export of newsletter subscribers (JSON or CSV, paged), behind the export token. By
// default the mailing list: each confirmed subscriber with fresh links for the issue about to be
// sent (newsletter/export.ts); `?status=` lists the others too, for their recorded choices.
import type { FastifyInstance } from 'fastify';
import { requireExportToken } from '../auth.js';
import { toCsv } from '../csv.js';
import { sendError } from '../errors.js';
import type { ExportedSubscriber } from '../newsletter/export.js';
import type { NewsletterService } from '../newsletter/service.js';
import { encodeCursor, nextPageLink, readPage } from '../pagination.js';
import { subscriberExportQuery } from '../schemas.js';
import type { SubscriberStatus } from '../storage/types.js';

/** The export's columns, in CSV order. */
const COLUMNS = [
  'email',
  'status',
  'measureOpens',
  'objectMarketing',
  'objectResearch',
  'confirmedAt',
  'unsubscribedAt',
  'revision',
  'language',
  'unsubscribeUrl',
  'manageUrl',
  'oneClickUrl',
] as const;

type Row = Record<(typeof COLUMNS)[number], string | boolean | null>;

function toRow({ subscriber: s, links }: ExportedSubscriber): Row {
  return {
    email: s.email,
    status: s.status,
    measureOpens: s.measureOpens,
    objectMarketing: s.objectMarketing,
    objectResearch: s.objectResearch,
    confirmedAt: s.confirmedAt,
    unsubscribedAt: s.unsubscribedAt,
    // Proof of consent: the revision subscribed under, not that of a later switch change.
    revision: s.subscriptionRevision,
    language: s.language,
    unsubscribeUrl: links?.unsubscribeUrl ?? null,
    manageUrl: links?.manageUrl ?? null,
    oneClickUrl: links?.oneClickUrl ?? null,
  };
}

/** Registers `GET {prefix}/subscribers`. */
export function subscriberExportRoute(
  app: FastifyInstance,
  prefix: string,
  options: { readonly service: NewsletterService; readonly exportToken: string | undefined },
): void {
  app.get<{
    Querystring: {
      format?: 'json' | 'csv';
      status?: SubscriberStatus | 'all';
      limit?: string;
      after?: string;
    };
  }>(
    `${prefix}/subscribers`,
    { schema: { querystring: subscriberExportQuery }, preHandler: requireExportToken(options.exportToken) },
    async (request, reply) => {
      const page = readPage(request.query, 2);
      if (!page.ok) {
        return sendError(reply, 400, {
          error: 'validation',
          message: `Invalid request query: ${Object.keys(page.fields).join(', ')}`,
          fields: page.fields,
        });
      }
      const [createdAt, id] = page.value.after ?? [];
      const after = createdAt !== undefined && id !== undefined ? { createdAt, id } : undefined;
      // Confirmed by default: the list to mail. Objections stay readable after someone leaves.
      const exported = await options.service.exportSubscribers(request.query.status ?? 'confirmed', {
        after,
        limit: page.value.limit,
      });
      const last = exported.subscribers.at(-1)?.subscriber;
      const next = exported.more && last ? encodeCursor([last.createdAt, last.id]) : null;
      if (next !== null) reply.header('Link', nextPageLink(request.url, next));
      // The links open a subscriber's settings: no cache may keep a copy of this answer.
      reply.header('Cache-Control', 'no-store');
      const subscribers = exported.subscribers.map(toRow);
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="newsletter-subscribers.csv"')
          .send(
            toCsv(
              COLUMNS,
              subscribers.map((s) => COLUMNS.map((key) => s[key])),
            ),
          );
      }
      return reply.send({ subscribers, next });
    },
  );
}
