// `npm run bench:server`: load on the reference server's receipt endpoint.
// Spawns one or two server instances on 127.0.0.1 sharing one store (SQLite: one DATA_DIR;
// PostgreSQL: one throw-away database), sends fresh receipts from several keep-alive clients
// round-robin over the instances for a bounded time, prints receipts/s and p50/p99 latency as a
// markdown table, then checks through the export that every acknowledged receipt is stored once.
//
//   node bench/server.mjs [--seconds 10] [--clients 16]
//   DATABASE_URL=postgres://… node bench/server.mjs   (adds PostgreSQL rows; a database
//     pk_bench_… is created next to it and dropped afterwards, so the role needs CREATEDB)
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, clients: { type: 'string', default: '16' } },
});
const seconds = Number(args.seconds);
const clientCount = Number(args.clients);
if (!(seconds > 0) || !(clientCount > 0)) {
  console.error('usage: node bench/server.mjs [--seconds N] [--clients N]');
  process.exit(1);
}

/** The storage backends to measure: SQLite always; PostgreSQL when DATABASE_URL is set. */
const backends = [{ name: 'sqlite' }];
if (process.env.DATABASE_URL) backends.push({ name: 'postgresql', databaseUrl: process.env.DATABASE_URL });
else
  console.log(
    'DATABASE_URL is not set: SQLite only (set DATABASE_URL=postgres://… to compare with PostgreSQL).',
  );

function startServer(env, dataDir, token) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...inherited,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PRIVACY_KIT_EXPORT_TOKEN: token,
      RATE_LIMIT_MAX: '1000000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, token, child, dataDir });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

function post(agent, url, body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode));
      },
    );
    request.once('error', reject);
    request.end(payload);
  });
}

/**
 * CPU time (ms) the server process has used, from /proc (Linux); null elsewhere. Divided by the
 * receipts it handled this gives a cost per receipt that does not depend on how busy the machine is.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return null;
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `work(env)` with DATABASE_URL pointing at a fresh database, dropped afterwards. */
async function withThrowAwayDatabase(baseUrl, work) {
  const name = `pk_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    throw new Error(
      `cannot create a throw-away database next to DATABASE_URL (${error.message}); the role needs CREATEDB`,
    );
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    return await work({ DATABASE_URL: url.href });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

function measure(backend, instances) {
  return backend.databaseUrl
    ? withThrowAwayDatabase(backend.databaseUrl, (env) => load(backend, instances, env))
    : load(backend, instances, {});
}

async function load(backend, instances, env) {
  const dataDir = mkdtempSync(join(tmpdir(), 'privacy-kit-bench-'));
  const token = randomBytes(24).toString('base64url');
  // One after the other: the first applies the migrations (SQLite's migrate() is not safe for two
  // processes starting at once on an empty file; PostgreSQL's is, see server/test/pg/).
  const servers = [];
  for (let i = 0; i < instances; i++) servers.push(await startServer(env, dataDir, token));
  const endpoints = servers.map((s) => `${s.url}/api/consent/receipts`);
  const endpoint = endpoints[0];
  const latencies = [];
  const acked = [];
  let errors = 0;
  const consentIds = Array.from({ length: 1000 }, () => randomUUID());
  const cpuTotal = () => {
    const each = servers.map((s) => cpuMs(s.child.pid));
    return each.includes(null) ? null : each.reduce((sum, ms) => sum + ms, 0);
  };
  const cpuBefore = cpuTotal();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clientCount }, async (_, client) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let i = 0; performance.now() < deadline; i++) {
        const receipt = {
          receiptId: randomUUID(),
          consentId: consentIds[(client * 7919 + i) % consentIds.length],
          revision: '2018-06-18',
          granted: ['necessary', 'analytics', 'google-analytics', 'adobe-analytics'],
          denied: ['marketing', 'youtube'],
          method: 'banner',
          at: new Date().toISOString(),
          userAgent: 'Mozilla/5.0 (X11; Linux x86_64) privacy-kit-bench',
        };
        const t0 = performance.now();
        try {
          const status = await post(agent, endpoints[(client + i) % endpoints.length], receipt);
          latencies.push(performance.now() - t0);
          if (status === 201) acked.push(receipt.receiptId);
          else errors++;
        } catch {
          errors++;
        }
      }
      agent.destroy();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpuTotal();
  const cpuPerReceipt =
    cpuBefore === null || cpuAfter === null || acked.length === 0
      ? null
      : (cpuAfter - cpuBefore) / acked.length;

  // The export answers at most 10,000 receipts per page: follow `next` to the end.
  const receipts = [];
  for (let next = null, first = true; first || next !== null; first = false) {
    const response = await fetch(next === null ? endpoint : `${endpoint}?after=${next}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = await response.json();
    receipts.push(...page.receipts);
    next = page.next;
  }
  const stored = new Map();
  for (const r of receipts) stored.set(r.receiptId, (stored.get(r.receiptId) ?? 0) + 1);
  const exactlyOnce = receipts.length === acked.length && acked.every((id) => stored.get(id) === 1);

  await Promise.all(
    servers.map((s) => {
      s.child.kill('SIGTERM');
      return new Promise((resolve) => s.child.once('exit', resolve));
    }),
  );
  rmSync(dataDir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  return {
    backend: backend.name,
    instances,
    receipts: acked.length,
    perSecond: acked.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    exactlyOnce,
    cpuPerReceipt,
  };
}

const rows = [];
for (const backend of backends) for (const instances of [1, 2]) rows.push(await measure(backend, instances));

console.log(
  `\nReceipts: ${clientCount} keep-alive clients, ${seconds} s, server and clients on this machine.\n`,
);
console.log(
  '| storage | instances | receipts | receipts/s | p50 ms | p99 ms | server CPU ms/receipt | errors | stored exactly once |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) {
  console.log(
    `| ${r.backend} | ${r.instances} | ${r.receipts} | ${Math.round(r.perSecond)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.cpuPerReceipt === null ? 'n/a' : r.cpuPerReceipt.toFixed(3)} | ${r.errors} | ${r.exactlyOnce ? 'yes' : 'NO'} |`,
  );
}
process.exit(rows.every((r) => r.exactlyOnce && r.errors === 0) ? 0 : 1);
