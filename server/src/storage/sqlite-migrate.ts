// The shared migrations (migrations/NNN-name.sql) applied to a SQLite file at open, each once,
// safe when two processes open the same file at the same moment.
import type Database from 'better-sqlite3';
import { SCHEMA_MIGRATIONS_DDL, listMigrations } from './migrations.js';

/** Applies every migration not yet recorded, each in its own transaction. */
export function migrateSqlite(db: Database.Database): void {
  db.exec(SCHEMA_MIGRATIONS_DDL);
  const applied = new Set(
    db
      .prepare<[], { version: string }>('SELECT version FROM schema_migrations')
      .all()
      .map((r) => r.version),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of listMigrations()) {
    if (applied.has(migration.version)) continue;
    // Re-checked under the write lock: another process starting on the same file may have applied it.
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version)) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
