// Four builds from one source tree:
//  1. the npm library (ESM, dependencies external, declarations) → dist/{index,core,elements,integrations}.js
//  2. the script-tag loader, a classic synchronous script with its deps inlined → dist/privacy-kit.js
//  3. the decision code the loader imports lazily → dist/ui/privacy-kit-runtime.js (+ its receipt sender)
//  4. the UI the loader imports lazily (Lit elements, i18next on demand) → dist/ui/*.js
import { readdirSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import json from '@rollup/plugin-json';
import { borrow, lend } from './scripts/lend.mjs';
import { minifyCss } from './scripts/minify-css.mjs';
import { minifyHtml } from './scripts/minify-html.mjs';
import { notices } from './scripts/notices.mjs';

const terserOptions = {
  ecma: 2020,
  module: true,
  compress: { passes: 3, unsafe_arrows: true, hoist_funs: true },
  format: { comments: false },
};
const minify = terser(terserOptions);
// The IIFE's top level is its own function scope: every name in it may be mangled.
const minifyIife = terser({ ...terserOptions, toplevel: true });
const ts = (extra = {}) => typescript({ tsconfig: './tsconfig.build.json', noEmitOnError: true, ...extra });

const ELEMENTS = readdirSync('src/elements', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name.startsWith('privacy-'))
  .map((entry) => entry.name);

const library = {
  input: {
    index: 'src/index.ts',
    core: 'src/core/index.ts',
    elements: 'src/elements/index.ts',
    'elements/setup': 'src/elements/setup.ts',
    // One entry per element: a page that shows a banner need not bundle the statement or newsletter.
    ...Object.fromEntries(ELEMENTS.map((tag) => [`elements/${tag}`, `src/elements/${tag}/index.ts`])),
    integrations: 'src/integrations/index.ts',
  },
  external: (id) => /^(lit|@lit|js-cookie|i18next)(\/|$)/.test(id),
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    generatedCode: 'es2015',
    sourcemap: true,
  },
  plugins: [
    json({ preferConst: true }),
    ts({ declaration: true, declarationDir: 'dist/types', outDir: 'dist' }),
    minifyCss(),
    minifyHtml(),
  ],
};

const loader = {
  input: 'src/loader.ts',
  // js-cookie builds its default instance at import; nothing in the loader needs it when unused.
  treeshake: { moduleSideEffects: (id) => !id.includes('/node_modules/js-cookie/') },
  output: {
    file: 'dist/privacy-kit.js',
    format: 'iife',
    generatedCode: 'es2015',
    sourcemap: true,
    plugins: [minifyIife],
  },
  // lend() hands the runtime the modules it shares with the loader, then runs the loader.
  plugins: [lend(), nodeResolve(), json({ preferConst: true }), ts({ outDir: 'dist' })],
};

const lazyOutput = {
  // `dir` is dist/, not dist/ui/: the TypeScript plugin writes source-map paths for its outDir,
  // which must lie inside `dir` and at src/'s depth, or the maps point one folder too high.
  dir: 'dist',
  format: 'es',
  // const and arrow functions in rollup's own code (its default is ES5: var and function).
  generatedCode: 'es2015',
  entryFileNames: 'ui/[name].js',
  // A chunk that holds an element and modules it shares is named after the element, not "index".
  chunkFileNames: (chunk) => {
    const tag = chunk.moduleIds
      .map((id) => /\/src\/elements\/(privacy-[\w-]+)\//.exec(id)?.[1])
      .find(Boolean);
    return `ui/${chunk.name === 'index' && tag ? tag : '[name]'}-[hash].js`;
  },
  sourcemap: true,
  plugins: [minify],
};
// One instance for both builds below: dist/ui/LICENSES.txt lists what either bundled.
const uiNotices = notices();
const lazyPlugins = () => [
  nodeResolve(),
  json({ preferConst: true }),
  ts({ outDir: 'dist' }),
  minifyCss(),
  minifyHtml(),
  uiNotices,
];

// The decision code (validator, decisions, cookie clearing) the loader imports when needed. A
// build of its own, so it never shares a chunk with the UI: a static import of one would be one
// more round trip before the config is validated and the banner can show.
const runtime = {
  input: { 'privacy-kit-runtime': 'src/runtime.ts' },
  // Lets the entry export what its lazy chunks import from it, instead of becoming a facade.
  preserveEntrySignatures: 'allow-extension',
  output: lazyOutput,
  // What the loader holds already is not bundled a second time (scripts/lend.mjs).
  plugins: [borrow(), ...lazyPlugins()],
};

// The UI the loader imports lazily: Lit elements, i18next on demand.
const ui = { input: { 'privacy-kit-ui': 'src/ui.ts' }, output: lazyOutput, plugins: lazyPlugins() };

export default [library, loader, runtime, ui];
