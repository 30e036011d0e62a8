// Newsletter routes (the README's HTTP contract, "Newsletter") and the staff export of subscribers.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireExportToken } from '../auth.js';
import { toCsv } from '../csv.js';
import { sendError } from '../errors.js';
import { encodeCursor, nextPageLink, readPage } from '../pagination.js';
import type {
  NewsletterError,
  NewsletterResult,
  NewsletterService,
  PreferencesUpdate,
  SubscribeInput,
} from '../newsletter/service.js';
import {
  preferencesUpdateBody,
  resendBody,
  subscribeBody,
  subscriberExportQuery,
  confirmBody,
  tokenBody,
  unsubscribeBody,
} from '../schemas.js';

/** Options of the newsletter routes. */
export interface NewsletterRoutesOptions {
  readonly service: NewsletterService;
  readonly exportToken: string | undefined;
}

const failures: Record<NewsletterError, { status: number; message: string }> = {
  not_found: { status: 404, message: 'This link is not known. Ask for a new one.' },
  expired: { status: 410, message: 'This link has expired. Ask for a new confirmation mail.' },
  unavailable: { status: 503, message: 'The mail could not be sent right now; try again in a minute.' },
};

/** Sends `status` with the value, or the contract's error answer for a failure. */
function answer<T>(reply: FastifyReply, result: NewsletterResult<T>, status = 200): FastifyReply {
  if (result.ok) return reply.code(status).send(result.value ?? { status: 'pending' });
  const failure = failures[result.error];
  if (result.error === 'unavailable') reply.header('Retry-After', '60');
  return sendError(reply, failure.status, { error: result.error, message: failure.message });
}

/** Registers the routes under `prefix` (e.g. `/api/newsletter`). */
export function newsletterRoutes(
  app: FastifyInstance,
  prefix: string,
  options: NewsletterRoutesOptions,
): void {
  const { service } = options;

  app.post<{ Body: SubscribeInput }>(
    `${prefix}/subscribe`,
    { schema: { body: subscribeBody } },
    async (request, reply) => answer(reply, await service.subscribe(request.body), 202),
  );

  app.post<{ Body: { email: string } }>(
    `${prefix}/resend`,
    { schema: { body: resendBody } },
    async (request, reply) => answer(reply, await service.resend(request.body.email), 202),
  );

  app.post<{ Body: { token: string; consentId?: string } }>(
    `${prefix}/confirm`,
    { schema: { body: confirmBody } },
    async (request, reply) =>
      answer(reply, await service.confirm(request.body.token, request.body.consentId?.toLowerCase())),
  );

  app.post<{ Body: { token: string } }>(
    `${prefix}/preferences`,
    { schema: { body: tokenBody } },
    async (request, reply) => answer(reply, await service.preferences(request.body.token)),
  );

  app.put<{ Body: PreferencesUpdate & { token: string } }>(
    `${prefix}/preferences`,
    { schema: { body: preferencesUpdateBody } },
    async (request, reply) => {
      const { token, consentId, ...update } = request.body;
      const proof = consentId ? { consentId: consentId.toLowerCase() } : {};
      return answer(reply, await service.update(token, { ...update, ...proof }));
    },
  );

  app.post<{ Body: { token: string; revision?: string; consentId?: string } }>(
    `${prefix}/unsubscribe`,
    { schema: { body: unsubscribeBody } },
    async (request, reply) => {
      const { token, revision, consentId } = request.body;
      return answer(reply, await service.unsubscribe(token, revision, consentId?.toLowerCase()));
    },
  );

  app.get<{ Querystring: { format?: 'json' | 'csv'; limit?: string; after?: string } }>(
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
      // One row more than the page tells whether there is a next page.
      const rows = await service.confirmedSubscribers({ after, limit: page.value.limit + 1 });
      const records = rows.slice(0, page.value.limit);
      const last = records.at(-1);
      const next = rows.length > page.value.limit && last ? encodeCursor([last.createdAt, last.id]) : null;
      if (next !== null) reply.header('Link', nextPageLink(request.url, next));
      const subscribers = records.map((s) => ({
        email: s.email,
        measureOpens: s.measureOpens,
        objectMarketing: s.objectMarketing,
        objectResearch: s.objectResearch,
        confirmedAt: s.confirmedAt,
        revision: s.revision,
        language: s.language,
      }));
      if (request.query.format === 'csv') {
        const header = [
          'email',
          'measureOpens',
          'objectMarketing',
          'objectResearch',
          'confirmedAt',
          'revision',
          'language',
        ] as const;
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="newsletter-subscribers.csv"')
          .send(
            toCsv(
              header,
              subscribers.map((s) => header.map((key) => s[key])),
            ),
          );
      }
      return reply.send({ subscribers, next });
    },
  );
}
