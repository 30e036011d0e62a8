// `npm test`: every suite, in order, then one line "N passed, N failed" summing them.
//   unit    web-test-runner in Chromium (test/**/*.test.ts)
//   e2e     Playwright against the built dist/ (test/e2e/*.test.mjs)
//   node    Node-side checks: the core imported on a server (SSR), the elements' manifest, the benchmark harness
//   server  the reference server against real SQLite (server/test/*.test.ts)
//   pg      the same storage suite against PostgreSQL, when DATABASE_URL_TEST is set
// `npm test -- unit server` runs only those.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome } from './chrome.mjs';

const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });

const all = ['unit', 'node', 'e2e', 'server', 'pg'];
const asked = process.argv.slice(2).filter((a) => all.includes(a));
const suites = asked.length ? asked : all;

process.env.CHROME_PATH = findChrome();

function run(cmd, args, { env = {}, capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    });
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** node --test prints "ℹ pass N" / "ℹ fail N" in its spec summary. */
function nodeTestCounts(out, code) {
  const pick = (label) => Number(out.match(new RegExp(`^ℹ ${label} (\\d+)`, 'm'))?.[1] ?? 0);
  const counts = { passed: pick('pass'), failed: pick('fail'), skipped: pick('skipped') };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

function testFiles(dir, suffix) {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f));
}

const results = {};

async function unit() {
  const countFile = join(tmp, 'wtr-counts.json');
  rmSync(countFile, { force: true });
  const { code } = await run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], {
    env: { PRIVACY_KIT_COUNT_FILE: countFile },
  });
  const counts = existsSync(countFile)
    ? JSON.parse(readFileSync(countFile, 'utf8'))
    : { passed: 0, failed: 1, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

async function nodeSuite(files, extraArgs = [], env = {}) {
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0 };
  const { code, out } = await run(
    'node',
    [...extraArgs, '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
    { capture: true, env },
  );
  return nodeTestCounts(out, code);
}

async function e2e() {
  if (!existsSync(join(root, 'dist/privacy-kit.js')) || process.env.PRIVACY_KIT_SKIP_BUILD !== '1') {
    const build = await run('node', ['scripts/build.mjs']);
    if (build.code !== 0) return { passed: 0, failed: 1, skipped: 0 };
  }
  return nodeSuite(testFiles('test/e2e', '.test.mjs'));
}

async function node() {
  return nodeSuite(
    [
      ...testFiles('test/core', '.node.mjs'),
      ...testFiles('test/elements', '.node.mjs'),
      ...testFiles('bench/lib', '.test.mjs'),
    ],
    ['--import', 'tsx'],
  );
}

async function server() {
  return nodeSuite(testFiles('server/test', '.test.ts'), ['--import', 'tsx']);
}

async function pg() {
  if (!process.env.DATABASE_URL_TEST) {
    console.log('PostgreSQL tests skipped: set DATABASE_URL_TEST=postgres://… to run them (CI does).');
    return { passed: 0, failed: 0, skipped: 0 };
  }
  return nodeSuite(testFiles('server/test/pg', '.test.ts'), ['--import', 'tsx']);
}

const runners = { unit, node, e2e, server, pg };
for (const suite of suites) {
  console.log(`\n=== ${suite} ===`);
  results[suite] = await runners[suite]();
}

const total = Object.values(results).reduce(
  (sum, c) => ({
    passed: sum.passed + c.passed,
    failed: sum.failed + c.failed,
    skipped: sum.skipped + c.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
writeFileSync(join(tmp, 'test-counts.json'), JSON.stringify({ suites: results, total }));
console.log('');
for (const [name, c] of Object.entries(results)) {
  console.log(`${name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
}
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
