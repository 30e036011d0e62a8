// `npm start` (after `npm run build`): the reference server with the demo site, the built library
// and the API on http://localhost:8080 (PORT). Configuration: the env variables in the README (reference server).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;

if (!existsSync(new URL('../dist/privacy-kit.js', import.meta.url))) {
  console.error('dist/privacy-kit.js is missing: run "npm run build" first (npm start does this for you).');
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: root,
  env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});

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
  newsletter mails   written to ${process.env.DATA_DIR ?? '.data'}/outbox/ (open the .eml files)
  stop               Ctrl+C
`);
  }
});

// Ctrl+C reaches the child too (same process group); SIGTERM from a supervisor is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
