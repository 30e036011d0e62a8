// The reference server process: validate the environment, open storage (migrations run), listen,
// and shut down cleanly on SIGTERM/SIGINT (in-flight requests finish, then the database closes).
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { createMailer } from './mail/mailer.js';
import { publicUrlWarning } from './public-url.js';
import { openStorage } from './storage/index.js';

/** The first line tests and scripts wait for; the URL follows it. */
export const LISTENING_MESSAGE = 'privacy-kit server listening on';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (!config.ok) {
    for (const error of config.errors) console.error(`privacy-kit server: ${error}`);
    process.exit(1);
  }
  const opened = await openStorage(config.value);
  if (!opened.ok) {
    console.error(`privacy-kit server: ${opened.error}`);
    process.exit(1);
  }
  const mailer = createMailer({
    from: config.value.mailFrom,
    smtpUrl: config.value.smtpUrl,
    outboxDir: config.value.outboxDir,
  });
  const app = buildApp({ config: config.value, storage: opened.storage, mailer });

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) {
      console.error(`privacy-kit server: ${signal} again, exiting now`);
      // SQLite closes at once (no transaction spans an await); PostgreSQL drops its connections.
      void opened.storage.close();
      process.exit(1);
    }
    closing = true;
    console.log(`privacy-kit server: ${signal}: finishing requests in flight, then closing the database`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('privacy-kit server: error while closing', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // Started by scripts/start.mjs (its own process group, an IPC channel): if that script dies
  // without passing a signal on, nothing else would stop this process.
  if (process.connected) process.once('disconnect', () => shutdown('the parent process exited'));

  try {
    await app.listen({ port: config.value.port, host: config.value.host });
  } catch (error) {
    console.error(
      `privacy-kit server: cannot listen on ${config.value.host}:${config.value.port}: ${(error as Error).message}`,
    );
    await app.close();
    process.exit(1);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.value.port;
  const host = config.value.host.includes(':') ? `[${config.value.host}]` : config.value.host;
  console.log(`${LISTENING_MESSAGE} http://${host}:${port}`);
  if (config.value.exportToken === undefined)
    console.log('Exports are disabled (set PRIVACY_KIT_EXPORT_TOKEN to enable them).');
  if (config.value.smtpUrl === undefined)
    console.log(`Mail is written to ${config.value.outboxDir} (set SMTP_URL to send it).`);
  const warning = publicUrlWarning(config.value);
  if (warning !== undefined) console.warn(`privacy-kit server: warning: ${warning}`);
}

await main();
