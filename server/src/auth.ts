// Bearer-token guard of the staff exports. The token is compared in constant time; with no token
// configured the exports are closed (every request gets 401), never open.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.js';
import { secretsEqual } from './newsletter/tokens.js';

/** A Fastify `preHandler` that answers 401 unless `Authorization: Bearer <exportToken>`. */
export function requireExportToken(exportToken: string | undefined) {
  return async function checkExportToken(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization ?? '';
    // The scheme name is case-insensitive (RFC 9110 §11.1): `bearer x` is as good as `Bearer x`.
    // `\S+` keeps the match linear: a lazy `.+?` before ` *$` took quadratic time on a 16 KB
    // header of spaces, a way to stall the whole server without a token. No token is that long.
    const given = header.length <= 1024 ? /^Bearer +(\S+) *$/i.exec(header)?.[1] : undefined;
    // Always compare (even without a configured token) so the answer time does not say which case it was.
    const matches =
      secretsEqual(given ?? '', exportToken ?? '') && given !== undefined && exportToken !== undefined;
    if (!matches) {
      reply.header('WWW-Authenticate', 'Bearer');
      await sendError(reply, 401, {
        error: 'unauthorized',
        message:
          exportToken === undefined
            ? 'Exports are disabled: set PRIVACY_KIT_EXPORT_TOKEN.'
            : 'A valid bearer token is required.',
      });
    }
  };
}
