// The PostgreSQL side of the storage seam that is not about receipts or subscribers: the pool,
// telling "database unreachable" apart from real errors, transactions, and migrations that
// several instances may start at the same moment.
import pg from 'pg';
import { SCHEMA_MIGRATIONS_DDL, listMigrations } from './migrations.js';
import { StorageUnavailableError } from './unavailable.js';

/** Options of the PostgreSQL backend. */
export interface PostgresOptions {
  /** `postgres://user:password@host:port/database` (libpq-style query options are passed on). */
  readonly url: string;
  /** Connections per server instance (default 10). */
  readonly poolSize?: number;
  /** How long a request waits for a connection before it is answered 503 (default 5000 ms). */
  readonly connectTimeoutMs?: number;
  /** How long one statement may run before the connection is given up (default 10000 ms). */
  readonly queryTimeoutMs?: number;
  /** Where outage notices go (default: stderr). Called once when the database goes away. */
  readonly log?: (message: string) => void;
}

// Node's network errors: the database host is down, restarting, or the network is cut.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);
// SQLSTATEs that mean "not now": shutdown, crash recovery, starting up, out of connections.
const TRANSIENT_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '53400']);
// node-postgres reports a dropped or timed-out connection with these messages and no code.
const PG_CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error|not queryable|Client was closed/i;

/** True when `error` means the database cannot be reached right now (retrying later may work). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (NETWORK_CODES.has(code) || TRANSIENT_SQLSTATES.has(code) || code.startsWith('08'))
  )
    return true;
  return PG_CONNECTION_MESSAGES.test(error.message);
}

// SQLSTATEs of transactions that collided with another one: deadlock_detected,
// serialization_failure, lock_not_available. The connection is fine; the request may be retried.
const CONTENTION_SQLSTATES = new Set(['40P01', '40001', '55P03']);
/** Seconds a client is told to wait after a collision: the other transaction is done by then. */
const CONTENTION_RETRY_AFTER_SECONDS = 1;

/** True when `error` is a transaction that lost a collision with another (retrying works). */
export function isContention(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONTENTION_SQLSTATES.has(code);
}

/**
 * Turns a connection failure or a lost collision into StorageUnavailableError (→ 503 with
 * Retry-After instead of a 500); other errors pass unchanged.
 */
export function toStorageError(error: unknown): unknown {
  if (error instanceof StorageUnavailableError) return error;
  if (isContention(error))
    return new StorageUnavailableError('The database was busy', {
      cause: error,
      retryAfterSeconds: CONTENTION_RETRY_AFTER_SECONDS,
    });
  if (!isConnectionError(error)) return error;
  return new StorageUnavailableError('The database is unavailable', { cause: error });
}

/** `postgres://user@host:port/db` without the password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.search = '';
    return parsed.href;
  } catch {
    return 'the DATABASE_URL (not a valid URL)';
  }
}

/**
 * One line for the operator when the database cannot be opened at start: what was tried (without
 * the password) and why, e.g. refused connection, wrong password, missing database.
 */
export function describeOpenError(url: string, error: unknown): string {
  try {
    new URL(url);
  } catch {
    return 'not a valid URL; expected postgres://user:password@host:5432/database';
  }
  const where = describeDatabaseUrl(url);
  if (!(error instanceof Error)) return `cannot open PostgreSQL at ${where}: ${String(error)}`;
  // Node reports a refused connection to several addresses (localhost: ::1 and 127.0.0.1) as an
  // AggregateError with an empty message; its parts say what happened.
  const parts =
    error instanceof AggregateError
      ? (error.errors as unknown[]).filter((e): e is Error => e instanceof Error)
      : [];
  const reason =
    error.message ||
    parts.map((e) => e.message).join('; ') ||
    String((error as { code?: unknown }).code ?? error.name);
  const hint =
    isConnectionError(error) || parts.some(isConnectionError)
      ? ' (is PostgreSQL running and reachable?)'
      : '';
  return `cannot open PostgreSQL at ${where}: ${reason}${hint}`;
}

/** Creates the pool; its and its clients' `error` events are logged once per outage, never thrown. */
export function createPool(options: PostgresOptions): pg.Pool {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    query_timeout: options.queryTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  let reported = false;
  const report = (error: Error): void => {
    // An unhandled 'error' event would crash the process; one line per outage is enough.
    if (reported) return;
    reported = true;
    log(
      `privacy-kit server: lost the PostgreSQL connection (${error.message}); answering 503 until it is back`,
    );
  };
  pool.on('error', report);
  pool.on('connect', (client) => {
    reported = false;
    client.on('error', report);
  });
  return pool;
}

/** Runs `work` in one transaction on one connection; a dropped connection is not reused. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    if (isConnectionError(error)) {
      client.release(error instanceof Error ? error : true);
    } else {
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      client.release(!rolledBack);
    }
    throw error;
  }
}

/**
 * Applies the shared migrations (`migrations/NNN-name.sql`, the same files SQLite runs), each in
 * its own transaction. A session advisory lock serialises instances that start at the same time:
 * the second waits, then finds the versions recorded and applies nothing.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let failure: unknown;
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('privacy-kit:schema_migrations'))");
    try {
      await client.query(SCHEMA_MIGRATIONS_DDL);
      const applied = new Set(
        (await client.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map(
          (r) => r.version,
        ),
      );
      for (const migration of listMigrations()) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [migration.version, migration.name, new Date().toISOString()],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new Error(
            `migration ${migration.version}-${migration.name} failed: ${(error as Error).message}`,
            { cause: error },
          );
        }
      }
    } finally {
      await client
        .query("SELECT pg_advisory_unlock(hashtext('privacy-kit:schema_migrations'))")
        .catch(() => undefined);
    }
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    // A connection in an unknown state is closed rather than handed to a request.
    client.release(failure === undefined ? undefined : true);
  }
}
