// Waiting for another process's SQLite lock without freezing the server. better-sqlite3 is
// synchronous: with SQLite's own busy_timeout, a statement that meets a lock held elsewhere (a
// second instance on the file, an operator's sqlite3 shell, a VACUUM) sleeps inside the call, and
// with it the whole event loop, health checks and static files included, once per queued write.
// So the connection never sleeps (busy_timeout = 0) and the waiting happens here, between
// attempts, with timers that let every other request run.
import { StorageUnavailableError } from './unavailable.js';

/** Seconds a client is told to wait when the database stayed locked by another process. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

/** Longest pause between two attempts: a lock that frees is taken within this. */
const MAX_PAUSE_MS = 50;

/**
 * True for SQLite's "another connection holds the lock" results (SQLITE_BUSY and its extended
 * codes such as SQLITE_BUSY_SNAPSHOT, and SQLITE_LOCKED): retrying later works.
 */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

function unavailable(cause: unknown): StorageUnavailableError {
  return new StorageUnavailableError('The database is busy', {
    cause,
    retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
  });
}

/**
 * Runs `work` (one statement or one transaction, which SQLite rolls back when it meets a lock,
 * so running it again is safe) until it gets past a busy database or `deadline` (epoch ms) passes;
 * then it fails with StorageUnavailableError (→ 503 + Retry-After). Other errors pass unchanged.
 */
export async function retryWhileBusy<T>(work: () => T, deadline: number): Promise<T> {
  for (let pause = 1; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
    try {
      return work();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw unavailable(error);
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  }
}

/**
 * Runs writes one after another, each waiting at most `budgetMs` from its arrival for the lock.
 * In line, only the first write polls a lock held elsewhere, however many requests wait behind
 * it; when the lock frees they all run at once, in the order they came.
 */
export function writeQueue(budgetMs: number): <T>(work: () => T) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const deadline = Date.now() + budgetMs;
    const result = last.then(() => retryWhileBusy(work, deadline));
    last = result.catch(() => undefined);
    return result;
  };
}
