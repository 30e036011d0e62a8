// The app in this process (`buildApp` + `inject()`), for behaviour that needs a clock the test
// moves, a mailer it can watch or hold, or client addresses it chooses. Storage is a real SQLite file.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { readConfig } from '../src/config.js';
import type { Mailer, OutgoingMail } from '../src/mail/mailer.js';
import { createNewsletterService } from '../src/newsletter/service.js';
import { openSqliteStorage } from '../src/storage/sqlite.js';
import type { Storage } from '../src/storage/types.js';
import { EXPORT_TOKEN, removeDir, tempDir } from './helpers.js';

/** A mailer that records what it is given; `hold()` makes the next sends wait until released. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  #gate: Promise<void> | undefined;
  #open: (() => void) | undefined;
  failWith: Error | undefined;

  /** Sends wait from now on until `release()`, like an SMTP server that is slow to answer. */
  hold(): void {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
  }

  release(): void {
    this.#open?.();
    this.#gate = undefined;
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.#gate;
    if (this.failWith) throw this.failWith;
    this.sent.push(mail);
  }

  close(): void {}

  /** Mails sent to one address. */
  to(address: string): OutgoingMail[] {
    return this.sent.filter((mail) => mail.to === address);
  }
}

/** A running in-process app and what it was built with. */
export interface InProcessApp {
  readonly app: FastifyInstance;
  readonly storage: Storage;
  readonly mailer: RecordingMailer;
  /** The app's clock; set `clock.now` to move time. */
  readonly clock: { now: Date };
  /** The SQLite file. */
  readonly file: string;
  close(): Promise<void>;
}

/**
 * Builds the app from environment variables (as the process would read them) around a fresh
 * SQLite file, or around `file` (a second instance on the same database; its owner removes it).
 * `beforeReady` may add test-only routes and hooks, which Fastify refuses once the app is ready.
 */
export async function inProcessApp(
  env: Record<string, string> = {},
  file?: string,
  beforeReady?: (app: FastifyInstance) => void,
): Promise<InProcessApp> {
  const config = readConfig({
    PRIVACY_KIT_EXPORT_TOKEN: EXPORT_TOKEN,
    RATE_LIMIT_MAX: '100000',
    MAIL_RATE_LIMIT_PER_HOUR: '100000',
    ...env,
  });
  if (!config.ok) throw new Error(config.errors.join('\n'));
  const dir = file === undefined ? tempDir('privacy-kit-app-') : undefined;
  const storage = openSqliteStorage({ file: file ?? join(dir ?? '', 'app.sqlite') });
  const mailer = new RecordingMailer();
  const clock = { now: new Date() };
  const app = buildApp({ config: config.value, storage, mailer, now: () => clock.now, logger: false });
  beforeReady?.(app);
  await app.ready();
  return {
    app,
    storage,
    mailer,
    clock,
    file: file ?? join(dir ?? '', 'app.sqlite'),
    // Safe to call twice (a test may close early to see what shutdown waits for).
    close: async () => {
      mailer.release();
      await app.close();
      if (dir !== undefined) removeDir(dir);
    },
  };
}

/** The newsletter service alone on a temporary SQLite file, with a recording mailer and its logged errors. */
export interface ServiceOnDisk {
  readonly service: ReturnType<typeof createNewsletterService>;
  readonly storage: Storage;
  readonly mailer: RecordingMailer;
  readonly logged: string[];
  /** Closes the storage and removes the file. */
  close(): Promise<void>;
}

/** `wrap` lets a test watch the storage calls the service makes. */
export function newsletterServiceOnDisk(
  file: string,
  wrap: (storage: Storage) => Storage = (s) => s,
): ServiceOnDisk {
  const dir = tempDir();
  const storage = openSqliteStorage({ file: join(dir, file) });
  const mailer = new RecordingMailer();
  const logged: string[] = [];
  const service = createNewsletterService({
    storage: wrap(storage),
    mailer,
    publicUrl: () => 'https://www.example.org',
    apiPrefix: '/api/newsletter',
    mailLimit: { minIntervalMs: 0, maxPerDay: 5 },
    log: { error: (_detail, message) => logged.push(message) },
  });
  return {
    service,
    storage,
    mailer,
    logged,
    close: async () => {
      await storage.close();
      removeDir(dir);
    },
  };
}
