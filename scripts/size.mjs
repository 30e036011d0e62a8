// `npm run size`: brotli size budgets, checked in CI. Prints each figure; fails over budget.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

/** Brotli at maximum quality, as a CDN or a pre-compressing server would serve it. */
export function brotli(source) {
  return brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** A file and every file it statically imports (relative specifiers), deduplicated. */
export function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Minified ESM: `import{a as b}from"./x.js"` or `import"./x.js"`; dynamic import( ) is lazy, skipped.
    for (const m of code.matchAll(
      /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{][^"'();]*?from\s*)?["'](\.[^"']+)["']/g,
    )) {
      visit(resolve(dirname(file), m[1]));
    }
  };
  visit(entry);
  return [...seen];
}

async function bundleAndMinify(input) {
  const bundle = await rollup({ input, plugins: [nodeResolve()], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser({ module: true })] });
  await bundle.close();
  return output.filter((chunk) => chunk.type === 'chunk');
}

/**
 * The code with its build hashes made steady: the loader/runtime key (a hash of every source, see
 * scripts/lend.mjs) and the content hashes in chunk names. Their characters are random, and
 * brotli's figure for the same code moves by up to 20 B with them, so a comment edit could fail a
 * budget. Each is replaced by an equally random-looking stand-in derived from what it names,
 * which stays the same from build to build: the figures stay within about 10 B of the bytes
 * served, and move only when the code does (the loader's mangled names aside, below).
 */
function steady(code) {
  const stand = (what, length, encoding) =>
    createHash('sha256').update(what).digest(encoding).slice(0, length);
  return code
    .replace(/(privacy-kit:|\?v=|")[0-9a-f]{12}\b/g, (m, before) => before + stand('key', 12, 'hex'))
    .replace(/([\w-]+)-[\w-]{8}\.js/g, (m, name) => `${name}-${stand(name, 8, 'base64url')}.js`);
}

// Each file travels (and is compressed) on its own: code two files share is paid for twice.
const bytes = (files) => files.reduce((sum, f) => sum + brotli(steady(readFileSync(f, 'utf8'))), 0);

/**
 * Bundles and minifies only what `names` pull in from `module` (tree-shaken), as an app would ship
 * it, and measures what the app downloads up front: the entry chunk and the chunks it imports
 * statically. Chunks imported dynamically (`import()`) load later, if at all; their sizes are
 * pushed onto `lazy`.
 */
async function shippedBy(module, names, lazy = []) {
  const entry = join(root, '.tmp', `size-entry-${names.join('-')}.mjs`);
  mkdirSync(dirname(entry), { recursive: true });
  writeFileSync(entry, `export { ${names.join(', ')} } from ${JSON.stringify(module)};\n`);
  const chunks = await bundleAndMinify(entry);
  const upFront = new Set();
  const visit = (chunk) => {
    if (upFront.has(chunk)) return;
    upFront.add(chunk);
    for (const name of chunk.imports) visit(chunks.find((c) => c.fileName === name));
  };
  visit(chunks.find((c) => c.isEntry));
  for (const chunk of chunks) if (!upFront.has(chunk)) lazy.push(brotli(steady(chunk.code)));
  return brotli(steady([...upFront].map((chunk) => chunk.code).join('\n')));
}

// `limit` is enforced: a change that grows a figure past it fails CI. `target` is the budget the
// issues set (returning visit 3 KB, core 4 KB, first visit no larger than the smallest peer measured
// by `npm run bench`, Orejime at 13,217 B); figures still above it are printed as such. The README's
// "Size budgets" section says where the bytes go. The build hashes are made steady (`steady()`);
// one effect stays: terser names the loader's variables by character frequency, build key
// included, so any source change moves the loader by a few bytes. Its limit leaves room for that.
const checks = [
  {
    name: 'loader: dist/privacy-kit.js (a returning visitor downloads only this)',
    limit: 5435,
    target: 3072,
    measure: () => bytes([join(dist, 'privacy-kit.js')]),
  },
  {
    name: 'core: createConsent + validateConfig from privacy-kit/core, with js-cookie, minified',
    limit: 5085,
    target: 4096,
    // The receipt sender is imported only when there is a receipt to send (a config with `sync`).
    async measure() {
      const lazy = [];
      const size = await shippedBy(join(dist, 'core.js'), ['createConsent', 'validateConfig'], lazy);
      this.note = lazy.length ? `; loaded later: ${lazy.map((n) => `${n} B`).join(', ')}` : '';
      return size;
    },
  },
  {
    name: 'newsletter client: createNewsletterClient from privacy-kit/core, minified',
    limit: 1536,
    measure: () => shippedBy(join(dist, 'core.js'), ['createNewsletterClient']),
  },
  {
    name: 'first visit until the banner is usable: loader + runtime + UI entry, with their static imports',
    limit: 19695,
    target: 13217,
    measure: () => {
      const entries = ['ui/privacy-kit-runtime.js', 'ui/privacy-kit-ui.js'].map((f) => join(dist, f));
      return bytes([join(dist, 'privacy-kit.js'), ...new Set(entries.flatMap(staticClosure))]);
    },
  },
];

if (!existsSync(join(dist, 'privacy-kit.js'))) {
  console.error('size: dist/ is missing, run "npm run build" first');
  process.exit(1);
}

let passed = 0;
let failed = 0;
for (const check of checks) {
  const size = await check.measure();
  const ok = size <= check.limit;
  if (ok) passed++;
  else failed++;
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
  const goal =
    check.target === undefined
      ? ''
      : size <= check.target
        ? `  (target ${kb(check.target)} met)`
        : `  (target ${kb(check.target)} NOT met yet)`;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${kb(size)} (${size} B) / ${kb(check.limit)} brotli  ${check.name}${goal}${check.note ?? ''}`,
  );
}
mkdirSync(join(root, '.tmp'), { recursive: true });
writeFileSync(join(root, '.tmp/size-counts.json'), JSON.stringify({ passed, failed }));
console.log(`size: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
