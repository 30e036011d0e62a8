// Rows of the shared schema (migrations/*.sql) and their mapping to the storage types. The column
// types are the portable subset both backends read alike: TEXT times and JSON, 0/1 booleans.
// Both backends use them, and the parameter lists of the statements they share.
import type {
  MailLimit,
  ReceiptInput,
  ReceiptMethod,
  StoredReceipt,
  SubscriberAction,
  SubscriberEvent,
  SubscriberRecord,
  SubscriberStatus,
  SubscriptionRequest,
  TokenKind,
  TokenRecord,
} from './types.js';

/** A `receipts` row. */
export interface ReceiptRow {
  receipt_id: string;
  consent_id: string;
  revision: string;
  granted: string;
  denied: string;
  method: string;
  decided_at: string;
  user_agent: string | null;
  received_at: string;
}

/** A `subscribers` row. */
export interface SubscriberRow {
  id: string;
  email: string;
  status: string;
  measure_opens: number;
  object_marketing: number;
  object_research: number;
  language: string | null;
  consent_id: string | null;
  revision: string;
  subscription_revision: string;
  consent_text: string;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

/** A `subscriber_tokens` row. */
export interface TokenRow {
  token_hash: string;
  subscriber_id: string;
  kind: string;
  created_at: string;
  expires_at: string | null;
}

/** A `subscriber_events` row (`detail` is JSON text). */
export interface EventRow {
  id: string;
  subscriber_id: string;
  at: string;
  action: string;
  revision: string | null;
  method: string;
  detail: string;
}

/** A receipt row as the storage type (`userAgent` absent when NULL). */
export function toReceipt(row: ReceiptRow): StoredReceipt {
  return {
    receiptId: row.receipt_id,
    consentId: row.consent_id,
    revision: row.revision,
    granted: JSON.parse(row.granted) as string[],
    denied: JSON.parse(row.denied) as string[],
    method: row.method as ReceiptMethod,
    at: row.decided_at,
    ...(row.user_agent === null ? {} : { userAgent: row.user_agent }),
    receivedAt: row.received_at,
  };
}

/** A subscriber row as the storage type. */
export function toSubscriber(row: SubscriberRow): SubscriberRecord {
  return {
    id: row.id,
    email: row.email,
    status: row.status as SubscriberStatus,
    measureOpens: row.measure_opens === 1,
    objectMarketing: row.object_marketing === 1,
    objectResearch: row.object_research === 1,
    language: row.language,
    consentId: row.consent_id,
    revision: row.revision,
    subscriptionRevision: row.subscription_revision,
    consentText: row.consent_text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
  };
}

/** A token row as the storage type. */
export function toToken(row: TokenRow): TokenRecord {
  return {
    hash: row.token_hash,
    subscriberId: row.subscriber_id,
    kind: row.kind as TokenKind,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** A proof-event row as the storage type (`detail` parsed). */
export function toSubscriberEvent(row: EventRow): SubscriberEvent {
  return {
    id: row.id,
    subscriberId: row.subscriber_id,
    at: row.at,
    action: row.action as SubscriberAction,
    revision: row.revision,
    method: row.method,
    detail: JSON.parse(row.detail) as SubscriberEvent['detail'],
  };
}

/** A boolean as the schema stores it. */
export const bit = (value: boolean): number => (value ? 1 : 0);

/**
 * True when a new request asks for other choices than a pending subscriber's stored ones. The
 * earlier confirmation links must then stop working: a confirm applies the stored choices, and
 * those would be someone else's (whoever posted last), not what the mail's reader agreed to.
 */
export function choicesDiffer(stored: SubscriberRecord, request: SubscriptionRequest): boolean {
  return (
    stored.measureOpens !== request.measureOpens ||
    stored.consentText !== request.consentText ||
    stored.revision !== request.revision ||
    stored.consentId !== request.consentId
  );
}

/**
 * The parameters of the mail count both backends run on a subscriber's row: it counts a mail at
 * `at` only when the last one is at least `minIntervalMs` older (`latestPrevious`) and fewer than
 * `maxPerDay` went out on that UTC `day`.
 */
export function mailCountValues(subscriberId: string, at: string, limit: MailLimit) {
  return {
    id: subscriberId,
    at,
    day: at.slice(0, 10),
    latestPrevious: new Date(Date.parse(at) - limit.minIntervalMs).toISOString(),
    maxPerDay: limit.maxPerDay,
  };
}

/** The values of a `receipts` insert, in column order (receipt_id … received_at). */
export const receiptValues = (receipt: ReceiptInput, receivedAt: string): (string | null)[] => [
  receipt.receiptId,
  receipt.consentId,
  receipt.revision,
  JSON.stringify(receipt.granted),
  JSON.stringify(receipt.denied),
  receipt.method,
  receipt.at,
  receipt.userAgent ?? null,
  receivedAt,
];

/** The values of a `subscriber_events` insert, in column order (id … detail as JSON text). */
export const eventValues = (event: SubscriberEvent): (string | null)[] => [
  event.id,
  event.subscriberId,
  event.at,
  event.action,
  event.revision,
  event.method,
  JSON.stringify(event.detail),
];

/**
 * The values of the subscriber update both backends run (status, revision, measure_opens,
 * object_marketing, object_research, unsubscribed_at, updated_at, then the id).
 */
export function subscriberUpdateValues(
  current: SubscriberRecord,
  next: SubscriberRecord,
  unsubscribing: boolean,
  at: string,
  subscriberId: string,
): (string | number | null)[] {
  return [
    next.status,
    next.revision,
    bit(next.measureOpens),
    bit(next.objectMarketing),
    bit(next.objectResearch),
    unsubscribing ? at : current.unsubscribedAt,
    at,
    subscriberId,
  ];
}
