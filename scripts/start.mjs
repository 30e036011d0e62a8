// `npm start` (after `npm run build`): the reference server with the demo site, the built library
// and the API on http://localhost:8080 (PORT). Configuration: the env variables in the README (reference server).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

if (!existsSync(new URL('../dist/privacy-kit.js', import.meta.url))) {
  console.error('dist/privacy-kit.js is missing: run "npm run build" first (npm start does this for you).');
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: root,
  env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  // A process group of its own: Ctrl+C in the terminal signals only this script, which passes it
  // on once. In the terminal's group the server got the terminal's SIGINT and ours, and took the
  // second for "Ctrl+C again: exit now" (exit 1, database left open). The IPC channel lets the
  // server notice if this script dies without passing anything on.
  detached: true,
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});

/** Read as server/src/config.ts reads it: an empty variable counts as unset. */
const env = (name) => process.env[name]?.trim() || undefined;
const outbox = resolve(env('OUTBOX_DIR') ?? join(env('DATA_DIR') ?? '.data', 'outbox'));
const mailLine = env('SMTP_URL') ? 'sent through SMTP_URL' : `written to ${outbox}/ (open the .eml files)`;

let announced = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const url = /listening on (http:\/\/\S+)/.exec(String(chunk))?.[1];
  if (url && !announced) {
    announced = true;
    // Browsers treat localhost as a secure context; show that rather than 127.0.0.1.
    const site = url.replace('://127.0.0.1', '://localhost');
    console.log(`
  privacy-kit demo   ${site}/
  English            ${site}/en/
  newsletter mails   ${mailLine}
  stop               Ctrl+C
`);
  }
});

// Ctrl+C (SIGINT) and a supervisor's SIGTERM are passed on; a second Ctrl+C still means "now".
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
