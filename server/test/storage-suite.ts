// The storage contract as one suite, run against every backend: SQLite here
// (storage-sqlite.test.ts), PostgreSQL with the same file (server/test/pg/). A backend passes when
// it behaves exactly like this, including under concurrent writers. The parts live in storage-suite/.
import { describe } from 'node:test';
import type { MakeStorage } from './storage-suite/fixtures.js';
import { describeMailLimitStorage } from './storage-suite/mail-limit.js';
import { describeReceiptStorage } from './storage-suite/receipts.js';
import { describeSubscriberStorage } from './storage-suite/subscribers.js';
import { describeTokenStorage } from './storage-suite/tokens.js';

export type { StorageFixture } from './storage-suite/fixtures.js';

/** Registers the storage suite for one backend. `makeStorage` is called before every test. */
export function describeStorage(name: string, makeStorage: MakeStorage): void {
  describe(`storage: ${name}`, () => {
    describeReceiptStorage(makeStorage);
    describeSubscriberStorage(makeStorage);
    describeTokenStorage(makeStorage);
    describeMailLimitStorage(makeStorage);
  });
}
