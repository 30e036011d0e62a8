// SQLite storage (better-sqlite3): one file in the data directory, WAL mode so exports can read
// while receipts are written. better-sqlite3 is synchronous, so each method is one transaction
// that no other request of this process can interleave with; the async signatures match the
// Storage interface. A lock held by another process on the same file is waited for between
// attempts, never inside one (sqlite-busy.ts); when it stays taken, the method fails with
// StorageUnavailableError (→ 503 + Retry-After).
import Database from 'better-sqlite3';
import { type ReceiptRow, receiptValues, toReceipt } from './rows.js';
import { retryWhileBusy, writeQueue } from './sqlite-busy.js';
import { migrateSqlite } from './sqlite-migrate.js';
import { sqliteSubscribers } from './sqlite-subscribers.js';
import type { InsertOutcome, ReceiptFilter, ReceiptInput, Storage, StoredReceipt } from './types.js';

export { isSqliteBusy } from './sqlite-busy.js';

/** Options of the SQLite backend. */
export interface SqliteOptions {
  /** Path of the database file (created when missing), or `:memory:`. */
  readonly file: string;
  /**
   * How long a request waits for another process's lock before it is answered 503 (default
   * 5000 ms); other requests are served meanwhile.
   */
  readonly busyTimeoutMs?: number;
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
  const budgetMs = Math.trunc(options.busyTimeoutMs ?? 5000);
  // Before the server listens nothing else waits on the event loop: SQLite may sleep for the lock.
  db.pragma(`busy_timeout = ${budgetMs}`);
  migrateSqlite(db);
  db.pragma('busy_timeout = 0');
  const enqueue = writeQueue(budgetMs);
  const guard = <T>(work: () => T): Promise<T> => retryWhileBusy(work, Date.now() + budgetMs);

  // IMMEDIATE: the write lock is taken at BEGIN, before the transaction reads anything (see
  // sqlite-subscribers.ts); a deferred one could fail with SQLITE_BUSY_SNAPSHOT at its first write.
  const write = <A extends unknown[], R>(work: (...args: A) => R): ((...args: A) => Promise<R>) => {
    const transaction = db.transaction(work);
    return (...args) => enqueue(() => transaction.immediate(...args));
  };

  const insertReceipt = db.prepare(
    `INSERT INTO receipts (receipt_id, consent_id, revision, granted, denied, method, decided_at, user_agent, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (receipt_id) DO NOTHING`,
  );

  return {
    async insertReceipt(receipt: ReceiptInput, receivedAt: string): Promise<InsertOutcome> {
      const info = await enqueue(() => insertReceipt.run(...receiptValues(receipt, receivedAt)));
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
