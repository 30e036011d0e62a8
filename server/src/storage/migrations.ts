// Versioned schema migrations shared by every storage backend: `migrations/NNN-name.sql`, applied
// in order, each once, recorded in `schema_migrations`. Backends run them; this module only lists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One migration file. */
export interface Migration {
  /** The zero-padded number, e.g. `001`; the primary key in `schema_migrations`. */
  readonly version: string;
  readonly name: string;
  readonly sql: string;
}

const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.sql$/;

/** The directory holding the `.sql` files (also useful to other backends' tooling). */
export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** All migrations, ordered by version. Throws on a misnamed file or a repeated version (a build error). */
export function listMigrations(dir: string = migrationsDir): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = MIGRATION_FILE.exec(file);
    if (!match) throw new Error(`Migration file "${file}" is not named NNN-name.sql`);
    const [, version = '', name = ''] = match;
    if (migrations.some((m) => m.version === version))
      throw new Error(`Migration version ${version} is used twice`);
    migrations.push({ version, name, sql: readFileSync(join(dir, file), 'utf8') });
  }
  return migrations;
}

/** The DDL of the table that records applied migrations (portable SQL). */
export const SCHEMA_MIGRATIONS_DDL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
