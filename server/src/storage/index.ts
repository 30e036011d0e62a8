// Picks the storage backend from the configuration. SQLite is built in; PostgreSQL
// (`DATABASE_URL=postgres://…`) plugs in here with the same migrations and test suite.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStorage } from './sqlite.js';
import type { Storage } from './types.js';

/** Where the storage lives. */
export interface StorageConfig {
  /** Directory for the SQLite file (created when missing). */
  readonly dataDir: string;
  /** A database URL; when set it wins over the SQLite file. */
  readonly databaseUrl?: string | undefined;
}

/** File name of the SQLite database inside the data directory. */
export const SQLITE_FILE_NAME = 'privacy-kit.sqlite';

/** The result of opening storage: the backend, or a message for the operator. */
export type OpenStorageResult = { ok: true; storage: Storage } | { ok: false; error: string };

/** Opens the configured backend and applies pending migrations. */
export async function openStorage(config: StorageConfig): Promise<OpenStorageResult> {
  if (config.databaseUrl !== undefined) {
    if (/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
      return { ok: false, error: 'DATABASE_URL: PostgreSQL storage is not supported yet; unset DATABASE_URL to use SQLite in DATA_DIR.' };
    }
    return { ok: false, error: `DATABASE_URL: unsupported scheme in "${config.databaseUrl.split(':')[0] ?? ''}:"; use postgres://` };
  }
  try {
    mkdirSync(config.dataDir, { recursive: true });
    return { ok: true, storage: openSqliteStorage({ file: join(config.dataDir, SQLITE_FILE_NAME) }) };
  } catch (error) {
    return { ok: false, error: `DATA_DIR: cannot open the SQLite database in ${config.dataDir}: ${(error as Error).message}` };
  }
}

export type * from './types.js';
