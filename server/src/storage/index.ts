// Picks the storage backend from the configuration: SQLite in DATA_DIR by default, PostgreSQL when
// DATABASE_URL=postgres://… (same migrations, same storage suite).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeOpenError } from './pg-connection.js';
import { openPostgresStorage } from './postgres.js';
import { openSqliteStorage } from './sqlite.js';
import type { Storage } from './types.js';

/** Where the storage lives. */
export interface StorageConfig {
  /** Directory for the SQLite file (created when missing). */
  readonly dataDir: string;
  /** A database URL; when set it wins over the SQLite file. */
  readonly databaseUrl?: string | undefined;
  /** Most connections to PostgreSQL (default 10). */
  readonly databasePoolMax?: number | undefined;
}

/** File name of the SQLite database inside the data directory. */
export const SQLITE_FILE_NAME = 'privacy-kit.sqlite';

/** The result of opening storage: the backend, or a message for the operator. */
export type OpenStorageResult = { ok: true; storage: Storage } | { ok: false; error: string };

/** Opens the configured backend and applies pending migrations. */
export async function openStorage(config: StorageConfig): Promise<OpenStorageResult> {
  if (config.databaseUrl !== undefined) {
    if (/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
      try {
        const storage = await openPostgresStorage({
          url: config.databaseUrl,
          ...(config.databasePoolMax === undefined ? {} : { poolSize: config.databasePoolMax }),
        });
        return { ok: true, storage };
      } catch (error) {
        // describeOpenError never repeats the password.
        return { ok: false, error: `DATABASE_URL: ${describeOpenError(config.databaseUrl, error)}` };
      }
    }
    return {
      ok: false,
      error: `DATABASE_URL: unsupported scheme in "${config.databaseUrl.split(':')[0] ?? ''}:"; use postgres://`,
    };
  }
  try {
    mkdirSync(config.dataDir, { recursive: true });
    return { ok: true, storage: openSqliteStorage({ file: join(config.dataDir, SQLITE_FILE_NAME) }) };
  } catch (error) {
    return {
      ok: false,
      error: `DATA_DIR: cannot open the SQLite database in ${config.dataDir}: ${(error as Error).message}`,
    };
  }
}

export type * from './types.js';
