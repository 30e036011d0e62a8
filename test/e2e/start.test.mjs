// `npm start` as a person at a terminal uses it: the banner says where the mails go, and one
// Ctrl+C stops everything gracefully — the request in flight is answered, the database is closed
// (SQLite removes its -wal file on a clean close), and the exit code is 0.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = new URL('../..', import.meta.url).pathname;

/** scripts/start.mjs in a process group of its own, like a shell's foreground job. */
function startScript(env) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    detached: true,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  /** Resolves once the output matches `pattern`, or when the process exits without it. */
  const printed = (pattern) =>
    new Promise((resolve) => {
      const check = () => pattern.test(output) && resolve(true);
      child.stdout.on('data', check);
      check();
      void exited.then(() => resolve(pattern.test(output)));
    });
  return { child, exited, printed, output: () => output };
}

/** A receipt POST whose body is sent in two parts, so the request is still in flight in between. */
function slowReceipt(port) {
  const body = JSON.stringify({
    receiptId: randomUUID(),
    consentId: randomUUID(),
    revision: '2018-06-18',
    granted: ['necessary'],
    denied: ['analytics'],
    method: 'banner',
    at: new Date().toISOString(),
  });
  const socket = net.connect(port, '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk));
  const answered = new Promise((resolve) => socket.on('close', () => resolve(answer)));
  socket.on('connect', () =>
    socket.write(
      `POST /api/consent/receipts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`,
    ),
  );
  return { finish: () => socket.end(body.slice(20)), answered };
}

describe('npm start', () => {
  it('says where the mails go (OUTBOX_DIR) and stops gracefully on one Ctrl+C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'privacy-kit-start-'));
    const outbox = join(dataDir, 'elsewhere', 'mails');
    // LOG_LEVEL=info: the server logs each request as it arrives.
    const run = startScript({ DATA_DIR: dataDir, OUTBOX_DIR: outbox, LOG_LEVEL: 'info' });
    try {
      assert.ok(await run.printed(/stop\s+Ctrl\+C/), run.output());
      const port = Number(/listening on http:\/\/[^:]+:(\d+)/.exec(run.output())?.[1]);
      assert.match(run.output(), new RegExp(`newsletter mails\\s+written to ${outbox}/`));
      assert.ok(existsSync(join(dataDir, 'privacy-kit.sqlite-wal')), 'the database is open (WAL)');

      const request = slowReceipt(port);
      assert.ok(await run.printed(/incoming request/), 'the server has the request');
      // The terminal sends SIGINT to the whole foreground process group.
      process.kill(-run.child.pid, 'SIGINT');
      assert.ok(await run.printed(/finishing requests in flight/), run.output());
      // Closing, the server still lets the request in flight finish.
      request.finish();
      assert.match(await request.answered, /^HTTP\/1\.1 201 /);

      const { code } = await run.exited;
      assert.equal(code, 0, run.output());
      assert.doesNotMatch(run.output(), /again, exiting now/);
      assert.equal(existsSync(join(dataDir, 'privacy-kit.sqlite-wal')), false, 'the database was closed');
    } finally {
      if (run.child.exitCode === null) process.kill(-run.child.pid, 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
