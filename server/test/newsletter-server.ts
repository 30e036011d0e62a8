// The server process the newsletter tests of one file share, and what they read back from it: the
// mails in its outbox and the tokens in its database. Each test file runs in its own process, so
// each gets its own server and data directory.
import { join } from 'node:path';
import { after, before } from 'node:test';
import Database from 'better-sqlite3';
import { type RunningServer, readOutbox, removeDir, startServer } from './helpers.js';

/** The shared server; set once `useNewsletterServer()`'s `before` hook has run. */
export let server: RunningServer;
/** `${server.url}/api/newsletter`. */
export let api: string;
/** The server's outbox directory. */
export let outbox: string;

/** Starts the shared server before the file's tests and stops it after them. */
export function useNewsletterServer(): void {
  before(async () => {
    // No minimum interval between mails to one address here: these tests mail the same address in
    // quick succession. The per-address limit has its own tests (mail-limit.test.ts).
    server = await startServer({ PUBLIC_URL: 'https://www.example.org', MAIL_MIN_INTERVAL_SECONDS: '0' });
    api = `${server.url}/api/newsletter`;
    outbox = join(server.dataDir, 'outbox');
  });
  after(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });
}

/** A valid subscribe body; fields can be overridden or added. */
export const subscription = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  revision: '2018-06-18',
  consentText: 'Ja, stuur mij de maandelijkse nieuwsbrief.',
  measureOpens: true,
  language: 'nl',
  ...extra,
});

/** The mails in the shared server's outbox to one address. */
export function mailsTo(address: string) {
  return readOutbox(outbox).filter((mail) => new RegExp(`^To: ${address}$`, 'm').test(mail.headers));
}

/** The stored tokens of a subscriber, read from the server's database. */
export function tokensOf(email: string): Array<{ kind: string; created_at: string; expires_at: string }> {
  const db = new Database(join(server.dataDir, 'privacy-kit.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT t.kind, t.created_at, t.expires_at FROM subscriber_tokens t JOIN subscribers s ON s.id = t.subscriber_id WHERE s.email = ?',
      )
      .all(email) as Array<{ kind: string; created_at: string; expires_at: string }>;
  } finally {
    db.close();
  }
}

/** The preferences the API answers with. */
export interface Prefs {
  status: string;
  email: string;
  measureOpens: boolean;
  objectMarketing: boolean;
  objectResearch: boolean;
  updatedAt: string;
}
