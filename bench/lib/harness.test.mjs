// Tests of the benchmark's own machinery (no browser): statistics, tables, the static server.
//   node --test bench/lib/harness.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { cell, markdownTable, median, ratioTable, summarize, leakReport } from './report.mjs';
import { brotliBytes, inlineConfigBytes, startStaticServer } from './static-server.mjs';
import { isAnalyticsHost, probeScript } from './probe.mjs';
import { libraries } from './libraries.mjs';

test('median of odd and even lists; summarize skips null and non-finite values', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.deepEqual(summarize([5, null, 1, Number.NaN, 3]), { median: 3, min: 1, max: 5, n: 3 });
  assert.equal(summarize([null, undefined]), null);
});

test('cell shows the range only when runs differ, and a dash for no data', () => {
  const fmt = (v) => v.toFixed(0);
  assert.equal(cell({ median: 10, min: 8, max: 14, n: 3 }, fmt), '10 (8–14)');
  assert.equal(cell({ median: 10, min: 10, max: 10, n: 3 }, fmt), '10');
  assert.equal(cell(null, fmt), '—');
});

test('markdownTable escapes pipes in cells', () => {
  const md = markdownTable(['a', 'b'], [['x|y', 1]]);
  assert.equal(md.split('\n')[2], '| x\\|y | 1 |');
});

const sample = (over = {}) => ({
  firstBytes: 1000,
  returnBytes: 500,
  bannerMs: 100,
  cls: 0,
  longTaskMs: 0,
  gaReturnMs: 200,
  heapBytes: 1e6,
  analyticsBeforeConsent: [],
  bannerOnReturn: false,
  firstFiles: [],
  returnFiles: [],
  ...over,
});
const lib = (id, extra = {}) => ({ ...libraries.find((l) => l.id === id), ...extra });

test('ratioTable divides our median by the best peer, ignoring the baseline', () => {
  const groups = [
    { lib: lib('privacy-kit'), throttle: 1, samples: [sample({ firstBytes: 2000 })], errors: [] },
    { lib: lib('orejime'), throttle: 1, samples: [sample({ firstBytes: 1000 })], errors: [] },
    { lib: lib('klaro'), throttle: 1, samples: [sample({ firstBytes: 4000 })], errors: [] },
    { lib: lib('baseline'), throttle: 1, samples: [sample({ firstBytes: 0 })], errors: [] },
  ];
  const row = ratioTable(groups)
    .split('\n')
    .find((l) => l.startsWith('| First visit'));
  assert.match(row ?? '', /\| 2\.00 \(2\.0 vs Orejime 1\.0\) \|/);
});

test('leakReport names a library that called analytics before consent, never the baseline', () => {
  const groups = [
    {
      lib: lib('klaro'),
      throttle: 1,
      samples: [sample({ analyticsBeforeConsent: ['https://www.googletagmanager.com/gtag/js?id=G-1'] })],
      errors: [],
    },
    {
      lib: lib('baseline'),
      throttle: 1,
      samples: [sample({ analyticsBeforeConsent: ['https://www.googletagmanager.com/x'] })],
      errors: [],
    },
  ];
  const report = leakReport(groups);
  assert.match(report, /Klaro/);
  assert.doesNotMatch(report, /plain gtag/);
  assert.match(leakReport([]), /none/);
});

test('analytics hosts match subdomains but not look-alikes', () => {
  assert.ok(isAnalyticsHost('www.googletagmanager.com'));
  assert.ok(isAnalyticsHost('assets.adobedtm.com'));
  assert.ok(isAnalyticsHost('demdex.net'));
  assert.ok(!isAnalyticsHost('googletagmanager.com.evil.example'));
  assert.ok(!isAnalyticsHost('notdemdex.net'));
});

test('the probe script parses, with and without a banner finder', () => {
  for (const l of libraries) assert.doesNotThrow(() => new Function(probeScript(l.acceptButton)), l.id);
});

test('inlineConfigBytes counts only data-bench-config blocks', () => {
  const html =
    '<script>var big = "' + 'x'.repeat(5000) + '";</script><script data-bench-config>var c = 1;</script>';
  assert.equal(inlineConfigBytes(html), brotliBytes(Buffer.from('var c = 1;')));
  assert.equal(inlineConfigBytes('<p>none</p>'), 0);
});

test('static server: serves pages with shared content, logs JS/CSS with brotli size, refuses traversal', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
  mkdirSync(join(dir, 'pages'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'pages', '_content.html'), '<p>shared</p>');
  writeFileSync(join(dir, 'pages', '_style.html'), '<style>p{}</style>');
  writeFileSync(
    join(dir, 'pages', 'one.html'),
    '<html><head></head><body><!--bench:content--></body></html>',
  );
  const js = 'console.log("hello");'.repeat(50);
  writeFileSync(join(dir, 'lib', 'a.js'), js);
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  const server = await startStaticServer({
    pagesDir: join(dir, 'pages'),
    mounts: { '/lib/x/': join(dir, 'lib') },
  });
  try {
    const page = await (await fetch(`${server.origin}/pages/one.html`)).text();
    assert.equal(page, '<html><head><style>p{}</style></head><body><p>shared</p></body></html>');
    const mark = server.mark();
    const res = await fetch(`${server.origin}/lib/x/a.js`);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(await res.text(), js);
    const [entry, ...rest] = server.since(mark);
    assert.equal(rest.length, 0);
    assert.equal(entry.path, '/lib/x/a.js');
    assert.equal(entry.raw, js.length);
    assert.equal(entry.br, brotliBytes(Buffer.from(js)));
    assert.ok(entry.br < js.length);
    assert.equal((await fetch(`${server.origin}/lib/x/..%2Fsecret.txt`)).status, 404);
    assert.equal((await fetch(`${server.origin}/lib/x/nope.js`)).status, 404);
    assert.equal((await fetch(`${server.origin}/elsewhere`)).status, 404);
  } finally {
    await server.close();
  }
});

test('brotliBytes is the size at quality 11, smaller than the default quality gives', () => {
  const text = readFileSync(new URL('./report.mjs', import.meta.url));
  const q11 = brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  assert.equal(brotliDecompressSync(q11).equals(text), true);
  assert.equal(brotliBytes(text), q11.length);
  const q4 = brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
  assert.ok(brotliBytes(text) < q4.length);
});
