// `npm run bench` — privacy-kit against vanilla-cookieconsent, Klaro, Orejime, tarteaucitron and a
// plain gtag snippet, in Debian Chromium, on one identical page per library.
//   node bench/run.mjs [--runs N] [--quick] [--only id,id] [--no-write]
// --quick: 3 runs, no CPU throttling (smoke test). Writes bench/results.md unless --no-write.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem, type as osType, release } from 'node:os';
import { join, relative, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { libraries, allMounts, ourDist, versionOf } from './lib/libraries.mjs';
import { startStaticServer, inlineConfigBytes } from './lib/static-server.mjs';
import { measureOnce } from './lib/measure.mjs';
import {
  compactTable,
  filesTable,
  leakReport,
  ratioTable,
  resultsTable,
  markdownTable,
} from './lib/report.mjs';

const root = new URL('..', import.meta.url).pathname;
const pagesDir = join(root, 'bench/pages');

function parseArgs(argv) {
  const opts = { runs: 15, throttles: [1, 4], only: null, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') Object.assign(opts, { runs: 3, throttles: [1] });
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) opts.runs = Number(a.slice(7));
    else if (a === '--only') opts.only = String(argv[++i]).split(',');
    else if (a.startsWith('--only=')) opts.only = a.slice(7).split(',');
    else if (a === '--no-throttle') opts.throttles = [1];
    else if (a === '--no-write') opts.write = false;
    else {
      console.error(
        `unknown argument ${a}\nusage: node bench/run.mjs [--runs N] [--quick] [--no-throttle] [--only id,id] [--no-write]`,
      );
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1 || opts.runs > 100) {
    console.error('--runs must be an integer from 1 to 100');
    process.exit(2);
  }
  return opts;
}

function gitRev() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** Rejects after `ms`, so one stuck sample cannot stall the whole benchmark. */
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const ourBuilt = existsSync(join(ourDist, 'privacy-kit.js'));
  let libs = libraries.filter((l) => !opts.only || opts.only.includes(l.id));
  const skipped = [];
  if (!ourBuilt) {
    for (const l of libs.filter((x) => x.ours))
      skipped.push(`${l.name}: ${join(ourDist, 'privacy-kit.js')} not found (run \`npm run build\`)`);
    libs = libs.filter((l) => !l.ours);
  }
  if (!libs.length) {
    console.error('nothing to benchmark', skipped.join('\n'));
    process.exit(1);
  }
  for (const s of skipped) console.warn(`skipped ${s}`);

  // A hard ceiling for the whole run: always ends, with browser and server closed.
  const budgetMs = Math.max(5 * 60_000, opts.runs * opts.throttles.length * libs.length * 12_000);
  const hardStop = setTimeout(() => {
    console.error(`bench: exceeded ${Math.round(budgetMs / 1000)} s, giving up`);
    process.exit(3);
  }, budgetMs + 60_000);
  hardStop.unref();

  // Serve a copy of our build: another `npm run build` during the run would otherwise delete it.
  const mounts = allMounts(libs);
  const snapshot = libs.some((l) => l.ours) ? mkdtempSync(join(tmpdir(), 'privacy-kit-bench-dist-')) : null;
  if (snapshot) {
    cpSync(ourDist, snapshot, {
      recursive: true,
      filter: (src) => relative(ourDist, src).split(sep)[0] !== 'types' && !src.endsWith('.map'),
    });
    mounts['/privacy-kit/'] = snapshot;
  }
  const server = await startStaticServer({ pagesDir, mounts });
  const started = Date.now();
  const loadBefore = loadavg()[0];
  /** @type {import('./lib/report.mjs').Group[]} */
  const groups = [];
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: findChrome(),
      headless: true,
      args: [
        ...chromeArgs,
        '--enable-precise-memory-info',
        // Belt and braces besides context.route: no host but 127.0.0.1 resolves at all.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
    const chromiumVersion = browser.version();
    console.log(
      `bench: ${libs.length} pages × ${opts.runs} runs × CPU ${opts.throttles.map((t) => `${t}×`).join('/')} on Chromium ${chromiumVersion}, ${server.origin}`,
    );
    for (const throttle of opts.throttles) {
      const byLib = new Map(libs.map((lib) => [lib.id, { lib, throttle, samples: [], errors: [] }]));
      // One unrecorded warm-up visit per page (first pass only): Chromium's and the server's warm-up.
      if (throttle === opts.throttles[0])
        for (const lib of libs)
          await withTimeout(measureOnce({ browser, server, lib, throttle }), 60_000, lib.id).catch(() => {});
      for (let run = 0; run < opts.runs; run++) {
        // Rotate the order each run so drift on a busy machine spreads over all libraries.
        const order = libs.map((_, i) => libs[(i + run) % libs.length]);
        for (const lib of order) {
          const group = byLib.get(lib.id);
          try {
            group.samples.push(
              await withTimeout(measureOnce({ browser, server, lib, throttle }), 60_000, lib.id),
            );
          } catch (error) {
            group.errors.push(String(error?.message ?? error).split('\n')[0]);
          }
        }
        process.stdout.write(
          `  CPU ${throttle}×: run ${run + 1}/${opts.runs} (${Math.round((Date.now() - started) / 1000)} s)\n`,
        );
      }
      groups.push(...byLib.values());
    }

    const table = resultsTable(groups);
    console.log(`\n${table}\n`);
    console.log('Analytics requests before consent:\n' + leakReport(groups));
    for (const g of groups.filter((x) => x.errors.length))
      console.warn(
        `${g.lib.name} ${g.throttle}×: ${g.errors.length} failed run(s): ${[...new Set(g.errors)].join('; ')}`,
      );
    for (const line of reshown(groups)) console.warn(line);

    if (opts.write) {
      const rev = gitRev();
      const load = [loadBefore, loadavg()[0]];
      const md = renderResults({
        groups,
        libs,
        opts,
        chromiumVersion,
        rev,
        skipped,
        load,
        seconds: Math.round((Date.now() - started) / 1000),
      });
      writeFileSync(join(root, 'bench/results.md'), md);
      console.log('\nwrote bench/results.md');
      // The README keeps its prose; only the table between the two markers is replaced (full runs only).
      const readme = join(root, 'README.md');
      const marker = '<!-- bench:table -->';
      const endMarker = '<!-- /bench:table -->';
      if (!opts.only && existsSync(readme)) {
        const text = readFileSync(readme, 'utf8');
        const at = text.indexOf(marker);
        const end = text.indexOf(endMarker, at);
        if (at >= 0 && end > at) {
          const note = `_${new Date().toISOString().slice(0, 10)}, ${opts.runs} runs, Chromium ${chromiumVersion}, ${cpus().length} cores (load average ${load.map((l) => l.toFixed(1)).join(' → ')})._`;
          writeFileSync(
            readme,
            `${text.slice(0, at + marker.length)}\n${note}\n\n${compactTable(groups)}\n${text.slice(end)}`,
          );
          console.log('updated the table in README.md');
        }
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
    if (snapshot) rmSync(snapshot, { recursive: true, force: true });
  }
}

/** Libraries whose banner's accept button was visible again on a returning visit (consent cookie set). */
function reshown(groups) {
  return groups
    .map((g) => ({ g, n: g.samples.filter((s) => s.bannerOnReturn).length }))
    .filter(({ n }) => n > 0)
    .map(
      ({ g, n }) =>
        `${g.lib.name} ${g.throttle}×: accept button visible again on the returning visit in ${n}/${g.samples.length} runs`,
    );
}

function renderResults({ groups, libs, opts, chromiumVersion, rev, skipped, load, seconds }) {
  const cpu = cpus();
  const busy = Math.max(...load) > cpu.length;
  const versions = markdownTable(
    ['Library', 'Version', 'Page', 'Inline config/texts (brotli bytes)'],
    libs.map((l) => [
      l.name,
      versionOf(l, rev),
      `bench/pages/${l.page}`,
      String(inlineConfigBytes(readFileSync(join(pagesDir, l.page), 'utf8'))),
    ]),
  );
  const errors = groups
    .filter((g) => g.errors.length)
    .map(
      (g) =>
        `- ${g.lib.name} ${g.throttle}×: ${g.errors.length} failed: ${[...new Set(g.errors)].join('; ')}`,
    );
  errors.push(...reshown(groups).map((l) => `- ${l}`));
  return `# Benchmark results

Generated by \`npm run bench\` (\`node bench/run.mjs ${process.argv.slice(2).join(' ')}\`) on ${new Date().toISOString()}, in ${seconds} s.

- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${osType()} ${release()}
- Load average (1 min) at start / end: ${load.map((l) => l.toFixed(1)).join(' / ')}${busy ? ' — **the machine was busy with other work: absolute times are inflated and noisy; compare libraries within a row set, not with other runs**' : ''}
- Browser: Chromium ${chromiumVersion} (headless, playwright-core), viewport 1280×720, a fresh context per run
- Runs: ${opts.runs} per library and CPU setting; CPU throttling via CDP \`Emulation.setCPUThrottlingRate\` (${opts.throttles.map((t) => `${t}×`).join(', ')})
- privacy-kit commit: ${rev || 'unknown'}${skipped.length ? `\n- Skipped: ${skipped.join('; ')}` : ''}

Cells are the median with (min–max) over the runs.

${resultsTable(groups)}

## privacy-kit against the best peer (medians)

${ratioTable(groups)}

## Analytics requests before consent

${leakReport(groups)}

## What each page fetched (one unthrottled run)

${filesTable(groups)}

## Versions

${versions}
${errors.length ? `\n## Failed runs and anomalies\n\n${errors.join('\n')}\n` : ''}
## How each library is set up

Every page has the same content and the same choice (necessary + analytics; Google Analytics and
Adobe Analytics), set up as each library documents it (\`bench/pages/\`):

- **privacy-kit**: the script-tag contract — inline JSON config, \`dist/privacy-kit.js\` first in \`<head>\`, GA as \`<script type="text/plain" data-consent="google-analytics" data-src>\`. The UI bundle is fetched only when the banner is needed.
- **privacy-kit + settings button**: the same page with a \`<privacy-settings-button>\` in the body, so the UI bundle is fetched on every visit (the cost of an always-visible "change your choice" button).
- **vanilla-cookieconsent**: \`cookieconsent.umd.js\` + CSS, \`CookieConsent.run()\` at the end of \`<body>\`, texts inline (the library ships none); \`hideFromBots: false\` because its default hides the banner from automated browsers such as this one.
- **Klaro**: \`klaro.js\` (its default build, CSS and translations included) with \`defer\`, \`klaroConfig\` inline.
- **Orejime**: \`orejime-standard-nl.js\` + CSS, \`window.orejimeConfig\`, GA inside \`<template data-purpose>\`.
- **tarteaucitron**: \`tarteaucitron.min.js\` with the \`init()\` options of its README (defaults kept) and its built-in \`gtag\` and \`adobeanalytics\` services; it fetches its services, language and CSS files itself. Its default \`googleConsentMode: true\` makes the \`gtag\` service's fallback load gtag.js *before* any choice (Consent Mode with everything denied), which is what "Analytics before consent" reports.

## Columns

- **First visit JS+CSS (KB br)**: brotli size (quality 11, computed from each response body) of every JS and CSS file the page fetched from its library before the banner became visible. Inline config is not included (see "Versions").
- **Returning visit JS+CSS**: the same after a reload with the library's own consent cookie set (accepted once in the same context). Nothing is cached (\`Cache-Control: no-store\`), so this is what a returning visitor with a cold cache downloads.
- **Banner visible (ms)**: from navigation start to the first animation frame in which the banner's accept button is laid out and visible (opacity and visibility checked).
- **CLS**: sum of layout-shift entries (without recent input) until 300 ms after the banner is visible.
- **Long tasks (ms)**: total duration of long tasks (> 50 ms) in the same window.
- **GA runs, returning (ms)**: on the returning visit, from navigation start until the (fake) gtag.js executed; for the plain snippet, on its second load.
- **JS heap after banner (MB)**: \`Runtime.getHeapUsage\` used size after a forced GC, with the banner on screen (the plain snippet page shows what the page alone costs).
- **Analytics before consent**: requests to googletagmanager.com, google-analytics.com, adobedtm.com, omtrdc.net, adobedc.net or demdex.net before accept was clicked (all such hosts are answered by a tiny fake tag; every other non-local request is aborted).
`;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
