// Test helpers: the real server process on a free port with its own data directory, receipts,
// and the mails it writes to the outbox.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** A token long enough for the config check. */
export const EXPORT_TOKEN = 'test-export-token-0123456789';

/** A running server process. */
export interface RunningServer {
  readonly url: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a signal and resolves with the exit code once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'privacy-kit-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs `server/src/main.ts` with tsx; resolves once it prints its URL, rejects if it exits first. */
export function startServer(env: Record<string, string> = {}, dataDir = tempDir()): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PRIVACY_KIT_EXPORT_TOKEN: EXPORT_TOKEN,
      RATE_LIMIT_MAX: '100000',
      MAIL_RATE_LIMIT_PER_HOUR: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => (output += more.toString()));
        resolve({
          url: match[1],
          dataDir,
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export function runServerExpectingExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      DATA_DIR: tempDir(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      // A server that did start is a failure of the test, but must not be left running.
      if (/listening on/.test(output)) child.kill('SIGKILL');
      resolve({ code, output });
    });
    child.stdout.on('data', () => {
      if (/listening on/.test(output)) child.kill('SIGTERM');
    });
  });
}

/** A valid receipt; fields can be overridden (or set to undefined to drop them). */
export function makeReceipt(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const receipt: Record<string, unknown> = {
    receiptId: randomUUID(),
    consentId: randomUUID(),
    revision: '2018-06-18',
    granted: ['necessary', 'analytics', 'google-analytics'],
    denied: ['marketing', 'youtube'],
    method: 'banner',
    at: new Date().toISOString(),
    userAgent: 'node-test',
    ...overrides,
  };
  for (const key of Object.keys(receipt)) if (receipt[key] === undefined) delete receipt[key];
  return receipt;
}

/** POSTs JSON (or a raw string) and returns status, headers and parsed body. */
export async function send(
  url: string,
  body: unknown,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** GET with the export token (or other headers). */
export async function get(
  url: string,
  headers: Record<string, string> = { authorization: `Bearer ${EXPORT_TOKEN}` },
) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as unknown,
  };
}

/** A mail from the outbox, decoded. */
export interface OutboxMail {
  readonly file: string;
  readonly raw: string;
  readonly headers: string;
  /** The body with quoted-printable soft breaks and escapes decoded. */
  readonly text: string;
}

/** Undoes quoted-printable: soft line breaks and `=XX` escapes (UTF-8). */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] ?? ''));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The mails in an outbox directory, oldest first. */
export function readOutbox(dir: string): OutboxMail[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    const raw = readFileSync(join(dir, file), 'utf8');
    const split = raw.indexOf('\n\n');
    const headers = raw.slice(0, split);
    const body = raw.slice(split + 2);
    return {
      file,
      raw,
      headers,
      text: /quoted-printable/i.test(headers) ? decodeQuotedPrintable(body) : body,
    };
  });
}

/**
 * Waits until the outbox holds `count` mails that match `wanted` (mails sent after the answer,
 * such as a resend's, arrive a moment later), woken by the directory's change events.
 */
export async function waitForMails(
  dir: string,
  wanted: (mail: OutboxMail) => boolean,
  count: number,
): Promise<OutboxMail[]> {
  mkdirSync(dir, { recursive: true });
  const watcher = watch(dir);
  try {
    for (;;) {
      // Reading and listening happen in one synchronous run: no change event can fall between.
      const mails = readOutbox(dir).filter(wanted);
      if (mails.length >= count) return mails;
      await once(watcher, 'change');
    }
  } finally {
    watcher.close();
  }
}

/** The `token` of the first link in `text` with that action. */
export function linkToken(text: string, action: string): string | undefined {
  for (const match of text.matchAll(/https?:\/\/\S+/g)) {
    const url = new URL(match[0]);
    if (url.searchParams.get('action') === action) return url.searchParams.get('token') ?? undefined;
  }
  return undefined;
}

/** Removes a directory tree, ignoring errors (cleanup). */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** One keep-alive HTTP client (its own connection pool), as one browser would be. */
export class Client {
  readonly #agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  /** POSTs JSON; resolves with the status, or rejects on a network error. */
  post(url: string, body: unknown): Promise<number> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = http.request(
        url,
        {
          method: 'POST',
          agent: this.#agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (response) => {
          response.resume();
          response.once('end', () => resolve(response.statusCode ?? 0));
          response.once('error', reject);
        },
      );
      request.once('error', reject);
      request.end(payload);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

/** All receipt ids in the export (the database as the staff would see it), page after page. */
export async function exportedReceiptIds(serverUrl: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null = null;
  do {
    const query: string = next === null ? '' : `?after=${next}`;
    const response = await get(`${serverUrl}/api/consent/receipts${query}`);
    if (response.status !== 200) throw new Error(`export failed: ${response.status} ${response.text}`);
    const page = response.json() as { receipts: Array<{ receiptId: string }>; next: string | null };
    ids.push(...page.receipts.map((r) => r.receiptId));
    next = page.next;
  } while (next !== null);
  return ids;
}

/** The receipts route of a server this test file starts before its tests and stops after them. */
export interface ReceiptServer {
  readonly endpoint: string;
  /** `GET endpoint?query` with the export token; the receipts of a 200 answer. */
  exported(query: string): Promise<Array<Record<string, unknown>>>;
}

/** Starts a server for the file's receipt tests (registers node:test `before`/`after`). */
export function useReceiptServer(): ReceiptServer {
  let server: RunningServer | undefined;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });
  const endpoint = (): string => `${server?.url ?? ''}/api/consent/receipts`;
  return {
    get endpoint() {
      return endpoint();
    },
    async exported(query) {
      const response = await get(`${endpoint()}?${query}`);
      if (response.status !== 200) throw new Error(`export answered ${response.status}: ${response.text}`);
      return (response.json() as { receipts: Array<Record<string, unknown>> }).receipts;
    },
  };
}
