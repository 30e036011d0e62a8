// The reference server as a Fastify instance: the HTTP contract (receipts, newsletter, exports)
// under /api, and the demo site, the built library and the statements as static files.
// `main.ts` runs it as a process; tests can also use `buildApp(...).inject()`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { answerUnavailableWhileClosing } from './closing.js';
import type { ServerConfig } from './config.js';
import { installErrorHandlers, sendError } from './errors.js';
import type { Mailer } from './mail/mailer.js';
import { createNewsletterService } from './newsletter/service.js';
import { newsletterRoutes } from './routes/newsletter.js';
import { errorSerializer, requestSerializer } from './log-redaction.js';
import { listeningUrl } from './public-url.js';
import { receiptRoutes } from './routes/receipts.js';
import type { Storage } from './storage/types.js';

/** Where the API lives; the demo's config points here. */
export const RECEIPTS_PATH = '/api/consent/receipts';
/** Prefix of the newsletter routes. */
export const NEWSLETTER_PREFIX = '/api/newsletter';
/** Largest accepted body (the contract's 16 KB). */
export const BODY_LIMIT = 16 * 1024;
/** The one-click unsubscribe's per-IP budget, as a multiple of RATE_LIMIT_MAX (see one-click.ts). */
export const ONE_CLICK_RATE_FACTOR = 10;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What `buildApp` needs. Directories default to the repository's `demo/`, `dist/`, `statements/`. */
export interface AppOptions {
  readonly config: ServerConfig;
  readonly storage: Storage;
  readonly mailer: Mailer;
  /** Clock for tokens and receipts (tests may fix it). */
  readonly now?: () => Date;
  /** Log to stdout (the process does; `inject()` tests usually do not). */
  readonly logger?: boolean;
  readonly demoDir?: string;
  readonly distDir?: string;
  readonly statementsDir?: string;
}

/**
 * Content-Security-Policy of the demo pages: scripts only from this origin and the two analytics
 * vendors the statement names, no inline script or style. The demo proves the library works
 * under a strict policy (see known failure 5 in the specs).
 */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self' https://www.googletagmanager.com https://assets.adobedtm.com",
  "connect-src 'self' https://*.google-analytics.com https://*.analytics.google.com https://*.googletagmanager.com https://*.omtrdc.net https://*.adobedc.net https://*.demdex.net",
  "img-src 'self' data: https://*.google-analytics.com https://*.googletagmanager.com https://*.omtrdc.net https://*.demdex.net",
  'frame-src https://www.youtube-nocookie.com',
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

function htmlHeaders(reply: FastifyReply, path: string): void {
  if (path.endsWith('.html')) reply.header('Content-Security-Policy', DEMO_CSP);
}

/**
 * The library's files as README "Caching and deploys" advises: chunks named by their content hash
 * (`privacy-gate-DYOAVRhz.js`) never change, so a browser keeps them a year without asking; the
 * loader, the UI entry and the runtime keep their names across builds, so a browser asks each
 * time (a 304 when unchanged) and a deploy reaches every visitor at once.
 */
function libraryHeaders(reply: FastifyReply, path: string): void {
  const hashed =
    /[/\\](ui|chunks)[/\\][\w-]+-[\w-]{8}\.js(\.map)?$/.test(path) &&
    !/privacy-kit-(ui|runtime)\.js/.test(path);
  reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** Builds the server. Call `listen()` (or `inject()`) on the result; `close()` also closes storage and mail. */
export function buildApp(options: AppOptions): FastifyInstance {
  const { config, storage, mailer } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    // Request lines are logged at info; the default level (warn) keeps stdout for what needs action.
    // Every request line, static files included, goes through the serializer that hides link tokens.
    logger:
      options.logger === false
        ? false
        : { level: config.logLevel, serializers: { req: requestSerializer, err: errorSerializer } },
    bodyLimit: BODY_LIMIT,
    // Requests that arrive while closing get the contract's 503 instead (see closing.ts).
    return503OnClosing: false,
    // A URL that cannot be decoded (`/api/%zz`) is answered before routing: in the contract's shape too.
    frameworkErrors: (_error, _request, reply) =>
      void sendError(reply, 400, { error: 'validation', message: 'The request URL is not valid.' }),
    trustProxy: config.trustProxy === false ? false : [...config.trustProxy],
    ajv: {
      // Fastify's defaults strip unknown fields and coerce types; the contract rejects both.
      customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: true },
    },
  });

  installErrorHandlers(app);

  // A text/plain POST is a "simple" request: any website can send it cross-origin without a CORS
  // preflight. Only JSON is accepted, so the other routes answer such a request 415; the receipts
  // route alone accepts text/plain (see receiptRoutes).
  app.removeContentTypeParser('text/plain');

  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    // Never a path or query: a newsletter page is opened with its link's token in the query, and
    // the requests it makes (scripts, styles) must not carry that in their Referer to a proxy log.
    reply.header('Referrer-Policy', 'strict-origin');
  });

  void app.register(cors, {
    // Only listed origins get CORS headers; with none listed the API is same-origin only.
    origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    // The receipts client waits as long as a 503 or 429 asks; across origins it can only read that if exposed.
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  });
  // After CORS, so a cross-origin client can read the 503 too; before the rate limit, which it
  // need not count.
  answerUnavailableWhileClosing(app);

  const service = createNewsletterService({
    storage,
    mailer,
    publicUrl: () => config.publicUrl ?? listeningUrl(app.server.address(), config.host, config.port),
    apiPrefix: NEWSLETTER_PREFIX,
    now,
    mailLimit: { minIntervalMs: config.mailMinIntervalSeconds * 1000, maxPerDay: config.mailMaxPerDay },
    log: app.log,
  });

  void app.register(async (api) => {
    // Registered inside this scope, the limit covers the API routes only (not static files), and
    // with one store: one budget per client IP for the whole API, not one per route.
    // An IPv6 subscriber gets a whole /64 and can use a fresh address per request: counted per
    // address it would never be limited. Stated here, not left to the plugin's default; the
    // route budgets (mail, one-click) inherit it.
    await api.register(rateLimit, {
      global: true,
      max: config.rateLimitMax,
      timeWindow: 60_000,
      ipv6Subnet: 64,
    });
    await api.register(async (receipts) => {
      // navigator.sendBeacon() on page unload can only send text/plain without a preflight, so here
      // JSON may come as text/plain, read by Fastify's own (prototype-poisoning-safe) JSON parser.
      // CORS protects nothing on this route anyway: anyone can POST a receipt with curl. The scope
      // keeps the parser to this route.
      receipts.addContentTypeParser(
        'text/plain',
        { parseAs: 'string' },
        receipts.getDefaultJsonParser('error', 'error'),
      );
      receiptRoutes(receipts, RECEIPTS_PATH, { storage, exportToken: config.exportToken, now });
    });
    newsletterRoutes(api, NEWSLETTER_PREFIX, {
      service,
      exportToken: config.exportToken,
      oneClickRateLimit: config.rateLimitMax * ONE_CLICK_RATE_FACTOR,
      mailRateLimitPerHour: config.mailRateLimitPerHour,
    });
    api.get('/api/health', { config: { rateLimit: false } }, async () => ({ status: 'ok' }));
  });

  const demoDir = options.demoDir ?? `${repoRoot}demo`;
  const distDir = options.distDir ?? `${repoRoot}dist`;
  const statementsDir = options.statementsDir ?? `${repoRoot}statements`;
  void app.register(fastifyStatic, { root: demoDir, prefix: '/', redirect: true, setHeaders: htmlHeaders });
  if (existsSync(distDir)) {
    void app.register(fastifyStatic, {
      root: distDir,
      prefix: '/privacy-kit/',
      decorateReply: false,
      setHeaders: libraryHeaders,
    });
  } else {
    app.log.warn(`${distDir} does not exist: run "npm run build" to serve /privacy-kit/`);
  }
  if (existsSync(statementsDir)) {
    void app.register(fastifyStatic, { root: statementsDir, prefix: '/statements/', decorateReply: false });
  }

  app.addHook('onClose', async () => {
    // Resends run after their answer: let them finish before the mailer and database go.
    await service.drain();
    mailer.close();
    await storage.close();
  });
  return app;
}
