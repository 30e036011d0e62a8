// PostgreSQL storage (node-postgres Pool) for running several server instances on one database.
// Same tables and migrations as SQLite. Every decision is taken by the database: a receipt's
// primary key decides "stored" vs "duplicate" (INSERT … ON CONFLICT DO NOTHING RETURNING), a
// subscription is an upsert, and read-modify-write happens in one transaction with a row lock
// (the subscribers' half is in pg-subscribers.ts).
// Connection failures and lost collisions (deadlock, serialization) surface as
// StorageUnavailableError (→ 503 + Retry-After), never a crash or a 500.
import type pg from 'pg';
import {
  type PostgresOptions,
  createPool,
  inTransaction,
  migratePostgres,
  toStorageError,
} from './pg-connection.js';
import { postgresSubscribers } from './pg-subscribers.js';
import { type ReceiptRow, receiptValues, toReceipt } from './rows.js';
import type { Storage } from './types.js';

export type { PostgresOptions } from './pg-connection.js';

/**
 * Connects, applies pending migrations (under an advisory lock) and returns the storage.
 * Rejects when the database cannot be reached or a migration fails; the pool is closed then.
 */
export async function openPostgresStorage(options: PostgresOptions): Promise<Storage> {
  const pool = createPool(options);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  // Every method maps "database unreachable" to StorageUnavailableError at this one seam.
  async function guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStorageError(error);
    }
  }
  const transaction = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
    guard(() => inTransaction(pool, work));

  let closed = false;
  return {
    insertReceipt: (receipt, receivedAt) =>
      guard(async () => {
        const { rowCount } = await pool.query(
          `INSERT INTO receipts (receipt_id, consent_id, revision, granted, denied, method, decided_at, user_agent, received_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (receipt_id) DO NOTHING RETURNING receipt_id`,
          receiptValues(receipt, receivedAt),
        );
        return rowCount === 1 ? 'stored' : 'duplicate';
      }),

    listReceipts: (filter) =>
      guard(async () => {
        const where: string[] = [];
        const params: Array<string | number> = [];
        const param = (value: string | number): string => {
          params.push(value);
          return `$${params.length}`;
        };
        if (filter.consentId !== undefined) where.push(`consent_id = ${param(filter.consentId)}`);
        if (filter.from !== undefined) where.push(`decided_at >= ${param(filter.from)}`);
        if (filter.to !== undefined) where.push(`decided_at < ${param(filter.to)}`);
        if (filter.after !== undefined)
          where.push(
            `(decided_at, receipt_id) > (${param(filter.after.at)}, ${param(filter.after.receiptId)})`,
          );
        const limit = filter.limit === undefined ? '' : ` LIMIT ${param(filter.limit)}`;
        const { rows } = await pool.query<ReceiptRow>(
          `SELECT * FROM receipts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY decided_at, receipt_id${limit}`,
          params,
        );
        return rows.map(toReceipt);
      }),

    ...postgresSubscribers(pool, transaction, guard),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
