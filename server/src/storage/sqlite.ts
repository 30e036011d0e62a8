// SQLite storage (better-sqlite3): one file in the data directory, WAL mode so exports can read
// while receipts are written. better-sqlite3 is synchronous, so each method is one transaction
// that no other request of this process can interleave with; the async signatures match the
// Storage interface. Other processes on the same file wait for the write lock (busy_timeout);
// when it stays taken, the method fails with StorageUnavailableError (→ 503 + Retry-After).
import Database from 'better-sqlite3';
import { type ReceiptRow, receiptValues, toReceipt } from './rows.js';
import { migrateSqlite } from './sqlite-migrate.js';
import { sqliteSubscribers } from './sqlite-subscribers.js';
import type { InsertOutcome, ReceiptFilter, ReceiptInput, Storage, StoredReceipt } from './types.js';
import { StorageUnavailableError } from './unavailable.js';

/** Options of the SQLite backend. */
export interface SqliteOptions {
  /** Path of the database file (created when missing), or `:memory:`. */
  readonly file: string;
  /** How long a write waits for another process's write lock (default 5000 ms). */
  readonly busyTimeoutMs?: number;
}

/** Seconds a client is told to wait when the database stayed locked by another process. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * True for SQLite's "another connection holds the lock" results (SQLITE_BUSY and its extended
 * codes such as SQLITE_BUSY_SNAPSHOT, and SQLITE_LOCKED): retrying later works.
 */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** Runs `work`, turning a busy database into StorageUnavailableError; other errors pass unchanged. */
function guard<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isSqliteBusy(error)) throw error;
    throw new StorageUnavailableError('The database is busy', {
      cause: error,
      retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
    });
  }
}

/**
 * Opens (and migrates) a SQLite database.
 * `synchronous=NORMAL` with WAL keeps every committed transaction across a process crash
 * (SIGKILL); only a power loss can drop the last few, which is the usual trade for throughput.
 */
export function openSqliteStorage(options: SqliteOptions): Storage {
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  migrateSqlite(db);

  // IMMEDIATE: the write lock is taken at BEGIN, before the transaction reads anything (see
  // sqlite-subscribers.ts); a deferred one could fail with SQLITE_BUSY_SNAPSHOT at its first write.
  const write = <A extends unknown[], R>(work: (...args: A) => R): ((...args: A) => R) => {
    const transaction = db.transaction(work);
    return (...args) => guard(() => transaction.immediate(...args));
  };

  const insertReceipt = db.prepare(
    `INSERT INTO receipts (receipt_id, consent_id, revision, granted, denied, method, decided_at, user_agent, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (receipt_id) DO NOTHING`,
  );

  return {
    async insertReceipt(receipt: ReceiptInput, receivedAt: string): Promise<InsertOutcome> {
      const info = guard(() => insertReceipt.run(...receiptValues(receipt, receivedAt)));
      return info.changes === 1 ? 'stored' : 'duplicate';
    },
    async listReceipts(filter: ReceiptFilter): Promise<StoredReceipt[]> {
      const where: string[] = [];
      const params: Array<string | number> = [];
      const add = (sql: string, ...values: string[]): void => {
        where.push(sql);
        params.push(...values);
      };
      if (filter.consentId !== undefined) add('consent_id = ?', filter.consentId);
      if (filter.from !== undefined) add('decided_at >= ?', filter.from);
      if (filter.to !== undefined) add('decided_at < ?', filter.to);
      if (filter.after !== undefined)
        add('(decided_at, receipt_id) > (?, ?)', filter.after.at, filter.after.receiptId);
      if (filter.limit !== undefined) params.push(filter.limit);
      const sql = `SELECT * FROM receipts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY decided_at, receipt_id${filter.limit !== undefined ? ' LIMIT ?' : ''}`;
      return guard(() =>
        db
          .prepare<Array<string | number>, ReceiptRow>(sql)
          .all(...params)
          .map(toReceipt),
      );
    },
    ...sqliteSubscribers(db, write, guard),
    async close() {
      if (db.open) db.close();
    },
  };
}
