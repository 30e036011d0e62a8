// `npm run bench:server`: load on the reference server's receipt endpoint.
// Spawns the server on 127.0.0.1 with a temporary data directory, sends fresh receipts from several
// keep-alive clients for a bounded time, prints receipts/s and p50/p99 latency as a markdown table,
// then checks through the export that every acknowledged receipt is stored exactly once.
//
//   node bench/server.mjs [--seconds 10] [--clients 16]
//   DATABASE_URL=postgres://… node bench/server.mjs   (a row per backend once PostgreSQL lands)
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

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
const backends = [{ name: 'sqlite', env: {} }];
if (process.env.DATABASE_URL) backends.push({ name: 'postgresql', env: { DATABASE_URL: process.env.DATABASE_URL } });

function startServer(env) {
  const dataDir = mkdtempSync(join(tmpdir(), 'privacy-kit-bench-'));
  const token = randomBytes(24).toString('base64url');
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
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
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

async function measure(backend) {
  const server = await startServer(backend.env);
  const endpoint = `${server.url}/api/consent/receipts`;
  const latencies = [];
  const acked = [];
  let errors = 0;
  const consentIds = Array.from({ length: 1000 }, () => randomUUID());
  const cpuBefore = cpuMs(server.child.pid);
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
          const status = await post(agent, endpoint, receipt);
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
  const cpuAfter = cpuMs(server.child.pid);
  const cpuPerReceipt = cpuBefore === null || cpuAfter === null || acked.length === 0 ? null : (cpuAfter - cpuBefore) / acked.length;

  const response = await fetch(endpoint, { headers: { authorization: `Bearer ${server.token}` } });
  const { receipts } = await response.json();
  const stored = new Map();
  for (const r of receipts) stored.set(r.receiptId, (stored.get(r.receiptId) ?? 0) + 1);
  const exactlyOnce = receipts.length === acked.length && acked.every((id) => stored.get(id) === 1);

  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  rmSync(server.dataDir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  return {
    backend: backend.name,
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
for (const backend of backends) rows.push(await measure(backend));

console.log(`\nReceipts: ${clientCount} keep-alive clients, ${seconds} s, server and clients on this machine.\n`);
console.log('| storage | receipts | receipts/s | p50 ms | p99 ms | server CPU ms/receipt | errors | stored exactly once |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) {
  console.log(
    `| ${r.backend} | ${r.receipts} | ${Math.round(r.perSecond)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.cpuPerReceipt === null ? 'n/a' : r.cpuPerReceipt.toFixed(3)} | ${r.errors} | ${r.exactlyOnce ? 'yes' : 'NO'} |`,
  );
}
process.exit(rows.every((r) => r.exactlyOnce && r.errors === 0) ? 0 : 1);
