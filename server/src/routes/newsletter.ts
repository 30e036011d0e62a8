// Newsletter routes (the README's HTTP contract, "Newsletter"); the staff export and the one-click
// unsubscribe have files of their own.
import type { FastifyInstance } from 'fastify';
import type { NewsletterService, PreferencesUpdate, SubscribeInput } from '../newsletter/service.js';
import {
  preferencesUpdateBody,
  resendBody,
  subscribeBody,
  confirmBody,
  tokenBody,
  unsubscribeBody,
} from '../schemas.js';
import { answer } from './newsletter-answer.js';
import { oneClickRoutes } from './one-click.js';
import { subscriberExportRoute } from './subscriber-export.js';

/** Options of the newsletter routes. */
export interface NewsletterRoutesOptions {
  readonly service: NewsletterService;
  readonly exportToken: string | undefined;
  /** Requests per minute and client IP for the one-click route, which has a budget of its own. */
  readonly oneClickRateLimit: number;
  /** Requests per hour and client IP for subscribe and resend, which send mail to any address. */
  readonly mailRateLimitPerHour: number;
}

/** Registers the routes under `prefix` (e.g. `/api/newsletter`). */
export function newsletterRoutes(
  app: FastifyInstance,
  prefix: string,
  options: NewsletterRoutesOptions,
): void {
  const { service } = options;
  // Replaces the per-minute budget on these two routes: a client may have at most this many
  // confirmation mails sent per hour, whatever addresses it gives (`jan+1@…`, `jan+2@…`).
  const mailBudget = { rateLimit: { max: options.mailRateLimitPerHour, timeWindow: 3_600_000 } };

  app.post<{ Body: SubscribeInput }>(
    `${prefix}/subscribe`,
    { schema: { body: subscribeBody }, config: mailBudget },
    async (request, reply) => {
      // In lower case, as the receipts and the other newsletter routes store it: one consent id,
      // one spelling in the proof, whatever case the client sent.
      const { consentId, ...input } = request.body;
      const proof = consentId ? { consentId: consentId.toLowerCase() } : {};
      return answer(reply, await service.subscribe({ ...input, ...proof }), 202);
    },
  );

  app.post<{ Body: { email: string } }>(
    `${prefix}/resend`,
    { schema: { body: resendBody }, config: mailBudget },
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
      return answer(
        reply,
        await service.unsubscribe(token, { revision, consentId: consentId?.toLowerCase() }),
      );
    },
  );

  subscriberExportRoute(app, prefix, options);
  oneClickRoutes(app, prefix, service, options.oneClickRateLimit);
}
