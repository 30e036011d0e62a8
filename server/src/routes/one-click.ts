// One-click unsubscribe (RFC 8058): the address in an issue's `List-Unsubscribe` header, which a
// mail client's own "unsubscribe" button POSTs to with the body `List-Unsubscribe=One-Click`.
import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors.js';
import type { NewsletterService } from '../newsletter/service.js';
import { tokenQuery } from '../schemas.js';
import { answer } from './newsletter-answer.js';

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

/** A multipart part named `List-Unsubscribe` whose content is `One-Click` (headers in between allowed). */
const MULTIPART_ONE_CLICK =
  /content-disposition:[^\r\n]*\bname="?List-Unsubscribe"?(?:;[^\r\n]*)?\r?\n(?:[^\r\n]+\r?\n)*\r?\nOne-Click\r?\n/i;

/** True when the body is RFC 8058's `List-Unsubscribe=One-Click`, in either encoding it allows. */
export function isOneClickBody(contentType: string | undefined, body: unknown): boolean {
  if (typeof body !== 'string') return false;
  if (contentType?.toLowerCase().startsWith(MULTIPART)) return MULTIPART_ONE_CLICK.test(body);
  return new URLSearchParams(body).get('List-Unsubscribe') === 'One-Click';
}

/**
 * Registers `POST` and `GET {prefix}/unsubscribe/one-click?token=…`. The POST has a per-IP budget
 * of its own, `rateLimit` a minute: mail providers send every subscriber's one-click from a few
 * servers, and the morning after an issue those must not use up, or be refused by, the budget
 * sized for one visitor's browser.
 */
export function oneClickRoutes(
  app: FastifyInstance,
  prefix: string,
  service: NewsletterService,
  rateLimit: number,
): void {
  const path = `${prefix}/unsubscribe/one-click`;
  void app.register(async (scope) => {
    // Every other route refuses form bodies (415), so that no other website can make a visitor's
    // browser post to them without a CORS preflight. This one is cross-site by design: the
    // mail provider's servers send it (RFC 8058 §3.1: SHOULD multipart/form-data, MAY
    // urlencoded; no cookies, no credentials). What protects it is the token in the address, a
    // 256-bit secret that only the subscriber's mail carries — whoever has it could unsubscribe
    // through the JSON route just as well. The parsers are scoped to this route.
    scope.addContentTypeParser([FORM, MULTIPART], { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );

    scope.post<{ Querystring: { token: string } }>(
      path,
      { schema: { querystring: tokenQuery }, config: { rateLimit: { max: rateLimit, timeWindow: 60_000 } } },
      async (request, reply) => {
        if (!isOneClickBody(request.headers['content-type'], request.body)) {
          return sendError(reply, 400, {
            error: 'validation',
            message: 'The body must be List-Unsubscribe=One-Click (RFC 8058).',
            fields: { body: 'must be List-Unsubscribe=One-Click' },
          });
        }
        const result = await service.unsubscribe(request.query.token, { method: 'one-click' });
        // The answer goes to the mail provider, not to the subscriber: no preferences, not even masked.
        return answer(reply, result.ok ? { ok: true, value: { status: 'unsubscribed' } } : result);
      },
    );

    // A client without one-click support may open the header's address in a browser. A GET must
    // not unsubscribe (RFC 8058: link checkers and previews fetch addresses in mails), so it goes
    // to the settings page, where unsubscribing is one button.
    scope.get<{ Querystring: { token: string } }>(
      path,
      { schema: { querystring: tokenQuery } },
      async (request, reply) => reply.redirect(await service.managePage(request.query.token), 303),
    );
  });
}
