// What the storage suite's parts share: a fresh storage for each test, and valid records to store.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from 'node:test';
import type {
  ReceiptInput,
  Storage,
  SubscriberEvent,
  SubscriptionRequest,
  TokenRecord,
} from '../../src/storage/types.js';

/** A fresh, empty, migrated storage, and how to dispose of it. */
export interface StorageFixture {
  readonly storage: Storage;
  readonly dispose: () => Promise<void>;
}

/** Makes a fresh storage; the backend under test provides it. */
export type MakeStorage = () => Promise<StorageFixture>;

/**
 * Gives each test of the surrounding `describe` a storage of its own: made before the test and
 * handed to `use`, disposed of after it.
 */
export function withFreshStorage(makeStorage: MakeStorage, use: (storage: Storage) => void): void {
  let fixture: StorageFixture;
  beforeEach(async () => {
    fixture = await makeStorage();
    use(fixture.storage);
  });
  afterEach(async () => {
    await fixture.dispose();
  });
}

/** A valid receipt; fields can be overridden. */
export function receipt(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    receiptId: randomUUID(),
    consentId: randomUUID(),
    revision: '2018-06-18',
    granted: ['necessary', 'analytics'],
    denied: ['marketing'],
    method: 'banner',
    at: '2026-01-15T12:00:00.000Z',
    userAgent: 'suite',
    ...overrides,
  };
}

/** A valid subscription request for `email`; fields can be overridden. */
export function request(email: string, overrides: Partial<SubscriptionRequest> = {}): SubscriptionRequest {
  return {
    email,
    revision: 'r1',
    consentText: 'Ja, graag.',
    measureOpens: true,
    language: 'nl',
    consentId: null,
    at: new Date().toISOString(),
    ...overrides,
  };
}

const hash = (): string => randomBytes(32).toString('hex');

/** A token of one kind, with a random hash. */
export function token(
  kind: TokenRecord['kind'],
  subscriberId = '',
  expiresAt: string | null = null,
): TokenRecord {
  return { hash: hash(), subscriberId, kind, createdAt: new Date().toISOString(), expiresAt };
}

/** A proof event of one subscriber. */
export function event(
  subscriberId: string,
  action: SubscriberEvent['action'],
  at = new Date().toISOString(),
): SubscriberEvent {
  return {
    id: randomUUID(),
    subscriberId,
    at,
    action,
    revision: 'r1',
    method: 'suite',
    detail: { by: 'suite' },
  };
}

/**
 * Subscribers as stored before migration 005: one subscribed under r1, again under r2, then
 * changed a switch under r9; one without events (its revision is all there is).
 */
export const LEGACY_SUBSCRIBERS = `INSERT INTO subscribers (id, email, status, revision, consent_text, created_at, updated_at)
  VALUES ('s1', 'changed@example.org', 'confirmed', 'r9', 'Ja', '2025-01-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z'),
         ('s2', 'bare@example.org', 'pending', 'r5', 'Ja', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
  INSERT INTO subscriber_events (id, subscriber_id, at, action, revision, method, detail) VALUES
    ('e1', 's1', '2025-01-01T00:00:00.000Z', 'subscribe', 'r1', 'web-form', '{}'),
    ('e2', 's1', '2025-02-01T00:00:00.000Z', 'subscribe', 'r2', 'web-form', '{}'),
    ('e3', 's1', '2025-02-02T00:00:00.000Z', 'confirm', 'r2', 'confirm-link', '{}'),
    ('e4', 's1', '2025-03-01T00:00:00.000Z', 'update', 'r9', 'manage-link', '{}')`;
