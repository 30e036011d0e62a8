// While the server shuts down (a deploy, Ctrl+C), requests still arrive on kept-alive connections.
// Fastify's own answer to them (`return503OnClosing`) has neither the contract's error shape nor a
// `Retry-After`, so the app turns that off and answers them here instead; requests already in
// flight are not affected and finish as usual.
import type { FastifyInstance } from 'fastify';
import { sendUnavailable } from './errors.js';

/**
 * Answers every request that arrives once `app.close()` has begun with `503 unavailable`,
 * `Retry-After` and `Connection: close`, and closes the connections of requests still in flight
 * after their answer. Build the app with `return503OnClosing: false`.
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
  // A request in flight when close() began (a write waiting for a lock another process holds)
  // answers on a connection Fastify no longer counts as idle: kept alive, it would hold the
  // process until the keep-alive timeout (72 s), past most orchestrators' grace period.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('Connection', 'close');
    return payload;
  });
}
