// How the newsletter routes answer a service result: the value, or the contract's error shape.
import type { FastifyReply } from 'fastify';
import { sendError } from '../errors.js';
import type { NewsletterError, NewsletterResult } from '../newsletter/service.js';

const failures: Record<NewsletterError, { status: number; message: string }> = {
  not_found: { status: 404, message: 'This link is not known. Ask for a new one.' },
  expired: { status: 410, message: 'This link has expired. Ask for a new confirmation mail.' },
  unavailable: { status: 503, message: 'The mail could not be sent right now; try again in a minute.' },
};

/** Sends `status` with the value, or the contract's error answer for a failure. */
export function answer<T>(reply: FastifyReply, result: NewsletterResult<T>, status = 200): FastifyReply {
  if (result.ok) return reply.code(status).send(result.value ?? { status: 'pending' });
  const failure = failures[result.error];
  if (result.error === 'unavailable') reply.header('Retry-After', '60');
  return sendError(reply, failure.status, { error: result.error, message: failure.message });
}
