// The shared storage suite (server/test/storage-suite.ts) against PostgreSQL: a database for this
// file, a fresh schema for every test. Plus what only
// PostgreSQL has to prove: migrations that several instances start at once, and the database
// (not the application) refusing a second row for one receiptId.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readConfig } from '../../src/config.js';
import { openStorage } from '../../src/storage/index.js';
import { SCHEMA_MIGRATIONS_DDL, listMigrations } from '../../src/storage/migrations.js';
import { openPostgresStorage } from '../../src/storage/postgres.js';
import { describeStorage } from '../storage-suite.js';
import { LEGACY_SUBSCRIBERS } from '../storage-suite/fixtures.js';
import {
  SKIP_WITHOUT_PG,
  type TestDatabase,
  createTestDatabase,
  createTestSchema,
  queryDatabase,
} from './pg-helpers.js';

let database: TestDatabase;

describe('PostgreSQL storage', { skip: SKIP_WITHOUT_PG }, () => {
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database?.drop();
  });

  describeStorage('postgres', async () => {
    const schema = await createTestSchema(database.url);
    const storage = await openPostgresStorage({ url: schema.url });
    return {
      storage,
      dispose: async () => {
        await storage.close();
        await schema.drop();
      },
    };
  });

  describe('migrations', () => {
    it('six instances opening a fresh database at the same moment apply each migration exactly once', async () => {
      const fresh = await createTestDatabase();
      try {
        const opened = await Promise.allSettled(
          Array.from({ length: 6 }, () => openPostgresStorage({ url: fresh.url, poolSize: 2 })),
        );
        for (const result of opened)
          assert.equal(result.status, 'fulfilled', result.status === 'rejected' ? String(result.reason) : '');
        const versions = await queryDatabase<{ version: string }>(
          fresh.url,
          'SELECT version FROM schema_migrations ORDER BY version',
        );
        assert.deepEqual(
          versions.map((v) => v.version),
          listMigrations().map((m) => m.version),
        );
        await Promise.all(opened.map((r) => (r.status === 'fulfilled' ? r.value.close() : undefined)));
        // Opening again finds everything applied and changes nothing.
        const again = await openPostgresStorage({ url: fresh.url });
        await again.close();
        assert.equal(
          (await queryDatabase(fresh.url, 'SELECT version FROM schema_migrations')).length,
          listMigrations().length,
        );
      } finally {
        await fresh.drop();
      }
    });

    it('gives manage links stored before they could expire a year from their creation (migration 003)', async () => {
      const schema = await createTestSchema(database.url);
      try {
        await queryDatabase(schema.url, SCHEMA_MIGRATIONS_DDL);
        for (const migration of listMigrations().filter((m) => m.version < '003')) {
          await queryDatabase(schema.url, migration.sql);
          await queryDatabase(
            schema.url,
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [migration.version, migration.name, '2025-01-01T00:00:00.000Z'],
          );
        }
        await queryDatabase(
          schema.url,
          `INSERT INTO subscribers (id, email, status, revision, consent_text, created_at, updated_at)
           VALUES ('s1', 'old@example.org', 'confirmed', 'r', 'Ja', '2025-03-04T05:06:07.890Z', '2025-03-04T05:06:07.890Z')`,
        );
        await queryDatabase(
          schema.url,
          `INSERT INTO subscriber_tokens (token_hash, subscriber_id, kind, created_at, expires_at)
           VALUES ('m1', 's1', 'manage', '2025-03-04T05:06:07.890Z', NULL)`,
        );
        const storage = await openPostgresStorage({ url: schema.url });
        assert.equal((await storage.findToken('m1', 'manage'))?.token.expiresAt, '2026-03-04T05:06:07.890Z');
        await storage.close();
      } finally {
        await schema.drop();
      }
    });

    it('keeps the revision subscribed under apart from later changes’ (migration 005)', async () => {
      const schema = await createTestSchema(database.url);
      try {
        await queryDatabase(schema.url, SCHEMA_MIGRATIONS_DDL);
        for (const migration of listMigrations().filter((m) => m.version < '005')) {
          await queryDatabase(schema.url, migration.sql);
          await queryDatabase(
            schema.url,
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [migration.version, migration.name, '2025-01-01T00:00:00.000Z'],
          );
        }
        await queryDatabase(schema.url, LEGACY_SUBSCRIBERS);
        const storage = await openPostgresStorage({ url: schema.url });
        const changed = await storage.findSubscriberByEmail('changed@example.org');
        assert.deepEqual([changed?.revision, changed?.subscriptionRevision], ['r9', 'r2']);
        assert.equal((await storage.findSubscriberByEmail('bare@example.org'))?.subscriptionRevision, 'r5');
        await storage.close();
      } finally {
        await schema.drop();
      }
    });

    it('opens at most DATABASE_POOL_MAX connections per instance', async () => {
      const fresh = await createTestDatabase();
      try {
        const config = readConfig({ DATABASE_URL: fresh.url, DATABASE_POOL_MAX: '2' });
        assert.ok(config.ok);
        const opened = await openStorage(config.value);
        assert.ok(opened.ok);
        // Many requests at once: they queue for the two connections rather than opening more.
        await Promise.all(Array.from({ length: 12 }, () => opened.storage.listReceipts({})));
        const [connections] = await queryDatabase<{ count: string }>(
          fresh.url,
          'SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
        assert.equal(Number(connections?.count), 2);
        await opened.storage.close();
      } finally {
        await fresh.drop();
      }
    });

    it('the receipts primary key itself refuses a second row with the same receiptId', async () => {
      const insert = `INSERT INTO receipts (receipt_id, consent_id, revision, granted, denied, method, decided_at, received_at)
                      VALUES ('same-id', 'c', 'r', '[]', '[]', 'api', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`;
      const schema = await createTestSchema(database.url);
      await (await openPostgresStorage({ url: schema.url })).close();
      await queryDatabase(schema.url, insert);
      await assert.rejects(
        queryDatabase(schema.url, insert),
        (error: Error & { code?: string }) => error.code === '23505',
      );
      await schema.drop();
    });
  });
});
