// Statements the PostgreSQL backend runs from several methods, inside their transactions.
import type pg from 'pg';
import { type SubscriberRow, eventValues, toSubscriber } from './rows.js';
import type { SubscriberEvent, SubscriberRecord, TokenRecord } from './types.js';

/** A pool or a client inside a transaction. */
export type Queryable = Pick<pg.PoolClient, 'query'>;

/** Stores one token. */
export async function insertToken(db: Queryable, token: TokenRecord): Promise<void> {
  await db.query(
    'INSERT INTO subscriber_tokens (token_hash, subscriber_id, kind, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [token.hash, token.subscriberId, token.kind, token.createdAt, token.expiresAt],
  );
}

/** Stores many tokens with one statement (arrays unnested into rows). */
export async function insertTokens(db: Queryable, tokens: readonly TokenRecord[]): Promise<void> {
  if (tokens.length === 0) return;
  await db.query(
    `INSERT INTO subscriber_tokens (token_hash, subscriber_id, kind, created_at, expires_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [
      tokens.map((t) => t.hash),
      tokens.map((t) => t.subscriberId),
      tokens.map((t) => t.kind),
      tokens.map((t) => t.createdAt),
      tokens.map((t) => t.expiresAt),
    ],
  );
}

/** Stores one proof event (`detail` as JSON text). */
export async function insertEvent(db: Queryable, event: SubscriberEvent): Promise<void> {
  await db.query(
    'INSERT INTO subscriber_events (id, subscriber_id, at, action, revision, method, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    eventValues(event),
  );
}

/** The subscriber with that id, row-locked with `lock` until the transaction ends; throws if absent. */
export async function subscriberById(db: Queryable, id: string, lock = false): Promise<SubscriberRecord> {
  const { rows } = await db.query<SubscriberRow>(
    `SELECT * FROM subscribers WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw new Error(`subscriber ${id} does not exist`);
  return toSubscriber(rows[0]);
}
