// The storage suite against SQLite files, plus what only SQLite has: the file, WAL, migrations.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SCHEMA_MIGRATIONS_DDL, listMigrations } from '../src/storage/migrations.js';
import { openSqliteStorage } from '../src/storage/sqlite.js';
import { StorageUnavailableError } from '../src/storage/unavailable.js';
import { removeDir, tempDir } from './helpers.js';
import { describeStorage } from './storage-suite.js';
import { LEGACY_SUBSCRIBERS } from './storage-suite/fixtures.js';

describeStorage('sqlite', async () => {
  const dir = tempDir('privacy-kit-storage-');
  const storage = openSqliteStorage({ file: join(dir, 'test.sqlite') });
  return {
    storage,
    dispose: async () => {
      await storage.close();
      removeDir(dir);
    },
  };
});

describe('sqlite specifics', () => {
  it('applies each migration once, records it, and reopens a file without re-applying', async () => {
    const dir = tempDir('privacy-kit-storage-');
    const file = join(dir, 'm.sqlite');
    const first = openSqliteStorage({ file });
    await first.insertReceipt(
      {
        receiptId: '6f1c2b9e-0000-4000-8000-000000000001',
        consentId: '6f1c2b9e-0000-4000-8000-000000000002',
        revision: 'r',
        granted: [],
        denied: [],
        method: 'api',
        at: '2026-01-01T00:00:00.000Z',
      },
      '2026-01-01T00:00:00.000Z',
    );
    await first.close();
    const second = openSqliteStorage({ file });
    assert.equal((await second.listReceipts({})).length, 1, 'data survives reopening');
    await second.close();
    const db = new Database(file, { readonly: true });
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    const mode = db.pragma('journal_mode', { simple: true });
    db.close();
    assert.deepEqual(
      applied,
      listMigrations().map(({ version, name }) => ({ version, name })),
    );
    assert.equal(mode, 'wal');
    removeDir(dir);
  });

  it('gives manage links stored before they could expire a year from their creation (migration 003)', async () => {
    const dir = tempDir('privacy-kit-storage-');
    const file = join(dir, 'legacy.sqlite');
    // A database as the server left it before migration 003: manage tokens without expiry.
    const legacy = new Database(file);
    legacy.exec(SCHEMA_MIGRATIONS_DDL);
    for (const migration of listMigrations().filter((m) => m.version < '003')) {
      legacy.exec(migration.sql);
      legacy
        .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, '2025-01-01T00:00:00.000Z');
    }
    legacy.exec(`INSERT INTO subscribers (id, email, status, revision, consent_text, created_at, updated_at)
      VALUES ('s1', 'old@example.org', 'confirmed', 'r', 'Ja', '2025-03-04T05:06:07.890Z', '2025-03-04T05:06:07.890Z');
      INSERT INTO subscriber_tokens (token_hash, subscriber_id, kind, created_at, expires_at) VALUES
        ('m1', 's1', 'manage', '2025-03-04T05:06:07.890Z', NULL),
        ('c1', 's1', 'confirm', '2025-03-04T05:06:07.890Z', '2025-03-06T05:06:07.890Z');`);
    legacy.close();
    const storage = openSqliteStorage({ file });
    assert.equal((await storage.findToken('m1', 'manage'))?.token.expiresAt, '2026-03-04T05:06:07.890Z');
    assert.equal((await storage.findToken('c1', 'confirm'))?.token.expiresAt, '2025-03-06T05:06:07.890Z');
    await storage.close();
    removeDir(dir);
  });

  it('keeps the revision subscribed under apart from later changes’ (migration 005)', async () => {
    const dir = tempDir('privacy-kit-storage-');
    const file = join(dir, 'legacy5.sqlite');
    // Before migration 005 a switch change overwrote the only revision; the subscribe event kept it.
    const legacy = new Database(file);
    legacy.exec(SCHEMA_MIGRATIONS_DDL);
    for (const migration of listMigrations().filter((m) => m.version < '005')) {
      legacy.exec(migration.sql);
      legacy
        .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, '2025-01-01T00:00:00.000Z');
    }
    legacy.exec(LEGACY_SUBSCRIBERS);
    legacy.close();
    const storage = openSqliteStorage({ file });
    const changed = await storage.findSubscriberByEmail('changed@example.org');
    assert.deepEqual([changed?.revision, changed?.subscriptionRevision], ['r9', 'r2']);
    assert.equal((await storage.findSubscriberByEmail('bare@example.org'))?.subscriptionRevision, 'r5');
    await storage.close();
    removeDir(dir);
  });

  it('answers unavailable (503, Retry-After) when another process keeps the write lock', async () => {
    const dir = tempDir('privacy-kit-storage-');
    const file = join(dir, 'busy.sqlite');
    const storage = openSqliteStorage({ file, busyTimeoutMs: 50 });
    const s = (
      await storage.requestSubscription(
        {
          email: 'busy@example.org',
          revision: 'r',
          consentText: 'Ja',
          measureOpens: false,
          language: null,
          consentId: null,
          at: '2026-01-01T00:00:00.000Z',
        },
        [],
        {
          id: randomUUID(),
          at: '2026-01-01T00:00:00.000Z',
          action: 'subscribe',
          revision: 'r',
          method: 't',
          detail: {},
        },
      )
    ).subscriber;
    // Another process (here: another connection) in the middle of a write.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await assert.rejects(
        storage.updateSubscriber(
          s.id,
          { objectMarketing: true },
          {
            id: randomUUID(),
            subscriberId: s.id,
            at: '2026-01-02T00:00:00.000Z',
            action: 'update',
            revision: 'r',
            method: 't',
            detail: {},
          },
        ),
        (error: unknown) =>
          error instanceof StorageUnavailableError &&
          error.statusCode === 503 &&
          error.retryAfterSeconds === 1,
      );
      await assert.rejects(
        storage.insertReceipt(
          {
            receiptId: randomUUID(),
            consentId: randomUUID(),
            revision: 'r',
            granted: [],
            denied: [],
            method: 'api',
            at: '2026-01-01T00:00:00.000Z',
          },
          '2026-01-01T00:00:00.000Z',
        ),
        StorageUnavailableError,
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    assert.equal((await storage.findSubscriberByEmail('busy@example.org'))?.objectMarketing, false);
    await storage.close();
    removeDir(dir);
  });

  it('holds the write lock from a write’s first read: no other process commits in between', async () => {
    const dir = tempDir('privacy-kit-storage-');
    const file = join(dir, 'immediate.sqlite');
    const storage = openSqliteStorage({ file });
    const at = '2026-01-01T00:00:00.000Z';
    const s = (
      await storage.requestSubscription(
        {
          email: 'lock@example.org',
          revision: 'r',
          consentText: 'Ja',
          measureOpens: false,
          language: null,
          consentId: null,
          at,
        },
        [],
        { id: randomUUID(), at, action: 'subscribe', revision: 'r', method: 't', detail: {} },
      )
    ).subscriber;
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    let otherWrite: unknown = 'not tried';
    // The event is made inside the transaction, after it read the row and before it writes:
    // another process writing then must wait. A deferred transaction would let it commit, and
    // then fail itself on its stale snapshot (SQLITE_BUSY_SNAPSHOT) half-way.
    const { subscriber } = await storage.updateSubscriber(s.id, { objectMarketing: true }, () => {
      try {
        other.prepare('UPDATE subscribers SET object_research = 1 WHERE id = ?').run(s.id);
        otherWrite = 'committed';
      } catch (error) {
        otherWrite = (error as { code?: string }).code;
      }
      return {
        id: randomUUID(),
        subscriberId: s.id,
        at,
        action: 'update',
        revision: 'r',
        method: 't',
        detail: {},
      };
    });
    other.close();
    assert.equal(otherWrite, 'SQLITE_BUSY');
    assert.deepEqual([subscriber.objectMarketing, subscriber.objectResearch], [true, false]);
    await storage.close();
    removeDir(dir);
  });

  it('lists migrations in order with NNN-name.sql names', () => {
    const versions = listMigrations().map((m) => m.version);
    assert.deepEqual(versions, [...versions].sort());
    assert.ok(versions.length >= 2);
  });
});
