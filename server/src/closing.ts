// While the server shuts down (a deploy, Ctrl+C), requests still arrive on kept-alive connections.
// Fastify's own answer to them (`return503OnClosing`) has neither the contract's error shape nor a
// `Retry-After`, so the app turns that off and answers them here instead; requests already in
// flight are not affected and finish as usual.
import type { FastifyInstance } from 'fastify';
import { sendUnavailable } from './errors.js';

/**
 * Answers every request that arrives once `app.close()` has begun with `503 unavailable`,
 * `Retry-After` and `Connection: close`. Build the app with `return503OnClosing: false`.
 */
export function answerUnavailableWhileClosing(app: FastifyInstance): void {
  let closing = false;
  // preClose runs as close() begins, while in-flight requests are still being served.
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    // The client should open its next connection to whichever process replaces this one.
    reply.header('Connection', 'close');
    return sendUnavailable(reply);
  });
}
