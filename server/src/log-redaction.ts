// Request logging without secrets. Newsletter links carry a token in the query string
// (`/nieuwsbrief.html?token=…&action=confirm`, `/api/newsletter/unsubscribe/one-click?token=…`), and
// a token is a key to someone's subscription: Fastify's default request serializer logs `req.url`
// whole at LOG_LEVEL=info, which would put working links into every log file and log shipper.
import type { FastifyRequest } from 'fastify';

/** What replaces a token's value in logged URLs (its presence is still visible). */
export const REDACTED = '[redacted]';

/** The URL with the value of every `token` query parameter replaced; the rest unchanged. */
export function redactTokens(url: string): string {
  const query = url.indexOf('?');
  if (query === -1) return url;
  const search = url
    .slice(query + 1)
    .replace(/(^|&)(token=)[^&#]*/gi, (_match, start: string, name: string) => `${start}${name}${REDACTED}`);
  return `${url.slice(0, query)}?${search}`;
}

/** Fastify's default `req` log serializer (fastify/lib/logger-pino.js), with tokens redacted. */
export function requestSerializer(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactTokens(request.url),
    version: request.headers['accept-version'],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket.remotePort,
  };
}

/** An e-mail address in free text (an SMTP reply such as `550 5.1.1 <jane@example.org>: …`). */
const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** The logged form of an error: pino's usual fields, each text with addresses replaced. */
export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

/**
 * The `err` log serializer: an error's type, message, stack and the SMTP fields nodemailer adds,
 * with e-mail addresses replaced. A mail server's refusal quotes the recipient, and errors are
 * logged at the default level: the log must not become a list of subscribers.
 */
export function errorSerializer(error: Error): LoggedError {
  const hide = (text: string) => text.replace(ADDRESS, '[address]');
  if (!(error instanceof Error)) return { type: typeof error, message: hide(String(error)), stack: '' };
  const logged: LoggedError = {
    type: error.name,
    message: hide(error.message),
    stack: hide(error.stack ?? ''),
  };
  for (const field of ['code', 'responseCode', 'command', 'response']) {
    const value = (error as Error & Record<string, unknown>)[field];
    if (value !== undefined) logged[field] = typeof value === 'string' ? hide(value) : value;
  }
  return logged;
}
