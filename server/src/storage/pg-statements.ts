// Statements the PostgreSQL backend runs from several methods, inside their transactions.
import type pg from 'pg';
import { type SubscriberRow, eventValues, mailCountValues, toSubscriber } from './rows.js';
import type { MailLimit, SubscriberEvent, SubscriberRecord, TokenRecord } from './types.js';

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

/**
 * Counts a mail at `at` against the subscriber's limit; false when the limit holds it back. One
 * UPDATE decides: a concurrent count on the same row waits for this one's transaction, then
 * re-checks the conditions against the row as that left it.
 */
export async function countMail(
  db: Queryable,
  subscriberId: string,
  at: string,
  limit: MailLimit,
): Promise<boolean> {
  const v = mailCountValues(subscriberId, at, limit);
  const counted = await db.query(
    `UPDATE subscribers SET last_mail_at = $2, mail_day = $3,
       mails_on_day = CASE WHEN mail_day = $3 THEN mails_on_day + 1 ELSE 1 END
     WHERE id = $1 AND (last_mail_at IS NULL OR last_mail_at <= $4)
       AND (mail_day IS NULL OR mail_day <> $3 OR mails_on_day < $5)`,
    [v.id, v.at, v.day, v.latestPrevious, v.maxPerDay],
  );
  return counted.rowCount === 1;
}
