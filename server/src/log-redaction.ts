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
