// While the server shuts down (a deploy, Ctrl+C), requests still arrive on kept-alive connections.
// Fastify's own answer to them (`return503OnClosing`) has neither the contract's error shape nor a
// `Retry-After`, so the app turns that off and answers them here instead; requests already in
// flight are not affected and finish as usual.
import type { FastifyInstance } from 'fastify';
import { sendUnavailable } from './errors.js';

/**
 * Answers every request that arrives once `app.close()` has begun with `503 unavailable`,
 * `Retry-After` and `Connection: close`, and closes the connections of requests still in flight
 * soon after they are answered. Build the app with `return503OnClosing: false`.
 */
export function answerUnavailableWhileClosing(app: FastifyInstance): void {
  let closing = false;
  // preClose runs as close() begins, while in-flight requests are still being served.
  app.addHook('preClose', (done) => {
    closing = true;
    // A request in flight now (a write waiting for a lock another process holds) leaves its
    // connection open once answered: Fastify closes idle connections only as close() begins, and
    // kept alive for the usual 72 s it would hold the process past most orchestrators' grace
    // period. A second is enough for a request already sent on it to be read and answered.
    app.server.keepAliveTimeout = 1000;
    done();
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    // The client should open its next connection to whichever process replaces this one.
    reply.header('Connection', 'close');
    return sendUnavailable(reply);
  });
}
