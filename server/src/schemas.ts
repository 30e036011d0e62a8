// JSON schemas of the README's HTTP contract. Fastify's Ajv validates every body
// against them before a handler runs; unknown fields are rejected, never silently dropped.
import { pageQueryProperties } from './pagination.js';

const name = { type: 'string', pattern: '^[a-z0-9_-]{1,64}$' } as const;
// Every category and service of a config can be in one receipt: room for large configs (a list the
// client cannot shorten would be refused, and the receipt lost), bounded by the body limit anyway.
const names = { type: 'array', maxItems: 256, uniqueItems: true, items: name } as const;
// A pattern, not `format: 'uuid'`: that also takes `urn:uuid:…`, a second spelling of one id that
// would store a receipt twice and hide it from a search by consentId.
const uuid = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
} as const;
/** PostgreSQL text cannot hold U+0000; refusing it keeps both backends answering the same 400. */
const NO_NUL = '^[^\\u0000]*$';
const revision = { type: 'string', minLength: 1, maxLength: 64, pattern: NO_NUL } as const;
/** Tokens are 43 base64url characters; a little slack keeps the schema from encoding that detail. */
const token = { type: 'string', minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' } as const;

/** `POST {receipts endpoint}`. */
export const receiptBody = {
  type: 'object',
  additionalProperties: false,
  required: ['receiptId', 'consentId', 'revision', 'granted', 'denied', 'method', 'at'],
  properties: {
    receiptId: uuid,
    consentId: uuid,
    revision,
    granted: names,
    denied: names,
    method: { type: 'string', enum: ['banner', 'preferences', 'api', 'gpc', 'gate'] },
    at: { type: 'string', format: 'date-time', maxLength: 64 },
    userAgent: { type: 'string', maxLength: 512, pattern: NO_NUL },
  },
} as const;

/** `GET {receipts endpoint}` (export). `from`/`to` are checked by the handler (date or date-time). */
export const receiptExportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    consentId: uuid,
    from: { type: 'string', maxLength: 64 },
    to: { type: 'string', maxLength: 64 },
    format: { type: 'string', enum: ['json', 'csv'] },
    ...pageQueryProperties,
  },
} as const;

/** `GET /api/newsletter/subscribers` (export). */
export const subscriberExportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['json', 'csv'] },
    status: { type: 'string', enum: ['confirmed', 'pending', 'unsubscribed', 'all'] },
    ...pageQueryProperties,
  },
} as const;

/** `POST /subscribe`. */
export const subscribeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'revision', 'consentText', 'measureOpens'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254 },
    revision,
    consentText: { type: 'string', minLength: 1, maxLength: 4000, pattern: NO_NUL },
    measureOpens: { type: 'boolean' },
    language: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 },
    consentId: uuid,
  },
} as const;

/** `POST /resend`. */
export const resendBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email'],
  properties: { email: { type: 'string', format: 'email', maxLength: 254 } },
} as const;

/** `POST /preferences`. */
export const tokenBody = {
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token },
} as const;

/** `POST /confirm`: the token, and the visitor's consent id as proof of who confirmed. */
export const confirmBody = {
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token, consentId: uuid },
} as const;

/** `PUT /preferences`. */
export const preferencesUpdateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['token', 'revision'],
  properties: {
    token,
    revision,
    measureOpens: { type: 'boolean' },
    objectMarketing: { type: 'boolean' },
    objectResearch: { type: 'boolean' },
    consentId: uuid,
  },
} as const;

/** `?token=` of the one-click unsubscribe address (`POST`/`GET /unsubscribe/one-click`). */
export const tokenQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token },
} as const;

/** `POST /unsubscribe`. */
export const unsubscribeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token, revision, consentId: uuid },
} as const;
