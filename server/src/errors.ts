// One error shape for every answer of the API (see the README's HTTP contract):
// `{ error, message, fields? }`. Clients never see a stack trace or an internal message.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { STORAGE_RETRY_AFTER_SECONDS, isStorageUnavailable } from './storage/unavailable.js';

/** Error codes of the HTTP contract, plus the export's `unauthorized` and `unsupported_media_type`. */
export type ApiErrorCode =
  | 'validation'
  | 'unauthorized'
  | 'not_found'
  | 'expired'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

/** The JSON body of every error answer. */
export interface ApiErrorBody {
  readonly error: ApiErrorCode;
  readonly message: string;
  readonly fields?: Readonly<Record<string, string>>;
}

/** Sends an error answer. */
export function sendError(reply: FastifyReply, status: number, body: ApiErrorBody): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Sends the contract's `503 unavailable`, telling the client when to try again. */
export function sendUnavailable(
  reply: FastifyReply,
  retryAfterSeconds = STORAGE_RETRY_AFTER_SECONDS,
): FastifyReply {
  reply.header('Retry-After', String(retryAfterSeconds));
  return sendError(reply, 503, {
    error: 'unavailable',
    message: 'The server is not available; try again later.',
  });
}

/** The parts of an Ajv error we read (Fastify passes Ajv's objects through `error.validation`). */
interface ValidationIssue {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/** `/granted/3` → `granted[3]`; `/` → `body`. */
function fieldName(instancePath: string, child?: unknown): string {
  const segments = instancePath.split('/').filter((s) => s !== '');
  if (typeof child === 'string') segments.push(child);
  if (segments.length === 0) return 'body';
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Maps Ajv issues to `{ field: problem }`, one entry per field, in a wording for integrators. */
export function validationFields(issues: readonly ValidationIssue[]): Record<string, string> {
  // No prototype: `fields[field] ??= …` must see no inherited `constructor` or `__proto__`, or a
  // query naming one would be refused without saying which parameter.
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const issue of issues) {
    let field = fieldName(issue.instancePath);
    let problem = issue.message ?? 'is invalid';
    switch (issue.keyword) {
      case 'additionalProperties':
        field = fieldName(issue.instancePath, issue.params.additionalProperty);
        problem = 'unknown field';
        break;
      case 'required':
        field = fieldName(issue.instancePath, issue.params.missingProperty);
        problem = 'is required';
        break;
      case 'type':
        problem = `must be ${String(issue.params.type)}`;
        break;
      case 'format':
        problem = `must be a valid ${String(issue.params.format)}`;
        break;
      case 'uniqueItems':
        problem = 'must not name an item twice';
        break;
      case 'enum':
        problem = `must be one of: ${(issue.params.allowedValues as unknown[]).join(', ')}`;
        break;
    }
    fields[field] ??= problem;
  }
  return fields;
}

function describe(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([field, problem]) => `${field} ${problem}`)
    .join('; ');
}

/** Installs the error and not-found handlers that keep every answer in the contract's shape. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const fields = validationFields(error.validation as unknown as ValidationIssue[]);
      const where = error.validationContext === 'querystring' ? 'query' : 'body';
      return sendError(reply, 400, {
        error: 'validation',
        message: `Invalid request ${where}: ${describe(fields)}`,
        fields,
      });
    }
    const status = error.statusCode ?? 500;
    switch (true) {
      case status === 413:
        return sendError(reply, 413, {
          error: 'too_large',
          message: 'The request body is larger than 16 KB.',
        });
      case status === 415:
        return sendError(reply, 415, {
          error: 'unsupported_media_type',
          message: 'Send the body as application/json.',
        });
      case status === 429:
        return sendError(reply, 429, {
          error: 'rate_limited',
          message: 'Too many requests; try again later.',
        });
      case status === 503:
        // The database is away for now (restart, network): clients keep their data and retry.
        return sendUnavailable(
          reply,
          isStorageUnavailable(error) ? error.retryAfterSeconds : STORAGE_RETRY_AFTER_SECONDS,
        );
      case error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        error instanceof SyntaxError:
        return sendError(reply, 400, {
          error: 'validation',
          message: 'The request body is not valid JSON.',
          fields: { body: 'must be JSON' },
        });
      case status >= 400 && status < 500:
        return sendError(reply, status, { error: 'validation', message: 'The request is not valid.' });
      default:
        request.log.error({ err: error }, 'request failed');
        return sendError(reply, 500, { error: 'internal', message: 'Something went wrong on the server.' });
    }
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, {
      error: 'not_found',
      message: `Nothing at ${request.method} ${request.url.split('?')[0] ?? ''}`,
    }),
  );
}
