// The one error a storage backend throws when the database cannot be reached for now (restart,
// network cut, too many connections). The app answers it with `503 unavailable` + `Retry-After`
// instead of a 500, so clients (the library's receipt queue) keep the data and try again.

/** Seconds a client is told to wait before retrying while the database is unavailable. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/** The database is unreachable for now; the request may succeed if retried later. */
export class StorageUnavailableError extends Error {
  /** Fastify reads `statusCode`: the error handler answers 503 for it. */
  readonly statusCode = 503;
  readonly code = 'STORAGE_UNAVAILABLE';
  /** Value of the `Retry-After` header (seconds). */
  readonly retryAfterSeconds: number;

  constructor(message: string, options: { cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'StorageUnavailableError';
    this.retryAfterSeconds = options.retryAfterSeconds ?? STORAGE_RETRY_AFTER_SECONDS;
  }
}

/** True for a StorageUnavailableError (also across module copies, by its code). */
export function isStorageUnavailable(error: unknown): error is StorageUnavailableError {
  return (
    error instanceof StorageUnavailableError ||
    (error instanceof Error && (error as { code?: unknown }).code === 'STORAGE_UNAVAILABLE')
  );
}
