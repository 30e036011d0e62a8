// custom-elements.json lists what the elements really have: every `part` an element renders and
// every `--privacy-*` custom property its styles read (its own, and the shared tokens it adopts),
// and a definition for every element, with module paths that are files of the package.
// Run: node --test test/elements/manifest.node.mjs (the `node` suite of scripts/test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const read = (file) => readFileSync(join(root, file), 'utf8');

// A fresh manifest from the sources as they are (the analyzer and its config, as `npm run build`).
const outdir = '.tmp/manifest-test';
const packageJson = read('package.json');
const analyzed = spawnSync('npx', ['cem', 'analyze', '--quiet', '--outdir', outdir], {
  cwd: root,
  encoding: 'utf8',
});
assert.equal(analyzed.status, 0, analyzed.stderr);
assert.equal(read('package.json'), packageJson, 'the analyzer left package.json as it was');
const manifest = JSON.parse(read(join(outdir, 'custom-elements.json')));

const declarations = new Map();
for (const mod of manifest.modules) {
  for (const d of mod.declarations ?? []) if (d.tagName) declarations.set(d.tagName, d);
}

/** The element folders under src/elements/ (each renders one element, of the folder's name). */
const tags = readdirSync(join(root, 'src/elements'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name.startsWith('privacy-'))
  .map((e) => e.name);

const sourcesOf = (tag) =>
  readdirSync(join(root, 'src/elements', tag))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `src/elements/${tag}/${f}`, text: read(`src/elements/${tag}/${f}`) }));

/**
 * `part=${…}` bindings and what each can render. A binding not listed here fails the test: add
 * it, with its parts, when you add one.
 */
const cookieStatuses = [
  ...read('src/elements/privacy-cookie-table/privacy-cookie-table.ts')
    .match(/type CookieRowStatus = ([^;]+);/)[1]
    .matchAll(/'([a-z-]+)'/g),
].map((m) => m[1]);
const dynamicParts = {
  // heading(level, id, content, part = 'heading'): the title passes 'title'.
  'src/elements/privacy-statement/render.ts part': ['heading', 'title'],
  'src/elements/privacy-cookie-table/privacy-cookie-table.ts `status status-${row.status}`': [
    'status',
    ...cookieStatuses.map((s) => `status-${s}`),
  ],
};

function renderedParts(tag) {
  const parts = new Set();
  for (const { file, text } of sourcesOf(tag)) {
    for (const m of text.matchAll(/\spart="([^"]*)"/g)) m[1].split(/\s+/).forEach((p) => p && parts.add(p));
    for (const m of text.matchAll(/\spart=\$\{(`[^`]*`|[^}]*)\}/g)) {
      const known = dynamicParts[`${file} ${m[1].trim()}`];
      assert.ok(known, `${file}: part=\${${m[1]}} is not in dynamicParts of this test`);
      known.forEach((p) => parts.add(p));
    }
  }
  return parts;
}

/** `export const name = css\`…\`` blocks of the shared styles, by name. */
const sharedStyles = new Map(
  [...read('src/elements/shared/styles.ts').matchAll(/export const (\w+) = css`([\s\S]*?)`;/g)].map((m) => [
    m[1],
    m[2],
  ]),
);

/**
 * The `--privacy-*` properties an element's styles read: `var(--privacy-x)` in its own files,
 * and in the shared style blocks its folder imports. A token (`--_bg: var(--privacy-color-background, …)`)
 * counts only where the element's styles use it (`var(--_bg)`).
 */
function readProperties(tag) {
  let text = '';
  for (const { text: source } of sourcesOf(tag)) {
    text += source;
    for (const m of source.matchAll(/import \{([^}]*)\} from '\.\.\/shared\/styles\.js'/g)) {
      for (const name of m[1].split(',').map((s) => s.trim())) text += sharedStyles.get(name) ?? '';
    }
  }
  const tokens = new Map();
  for (const m of text.matchAll(/(--_[a-z-]+):\s*var\((--privacy-[a-z0-9-]+)/g)) tokens.set(m[1], m[2]);
  const direct = text.replace(/--_[a-z-]+:\s*var\(--privacy-[a-z0-9-]+/g, '');
  const props = new Set([...direct.matchAll(/var\((--privacy-[a-z0-9-]+)/g)].map((m) => m[1]));
  for (const [token, prop] of tokens) if (new RegExp(`var\\(${token}\\b`).test(text)) props.add(prop);
  return props;
}

/**
 * Properties an element's adopted styles mention but that change nothing it renders: the link
 * variant of the settings button inherits font and colour from the page and has no border (the
 * floating one shows only an icon); no preferences markup has the `.error` class. Not listed.
 */
const noEffect = {
  'privacy-settings-button': [
    '--privacy-color-border',
    '--privacy-color-text',
    '--privacy-font-family',
    '--privacy-font-size',
  ],
  'privacy-preferences': ['--privacy-color-error'],
};

test('every element folder has a documented element in the manifest', () => {
  assert.ok(tags.length >= 8, `element folders: ${tags}`);
  for (const tag of tags) assert.ok(declarations.has(tag), `${tag} is not in custom-elements.json`);
});

for (const tag of tags) {
  test(`${tag}: every part it renders is listed, and every listed part is rendered`, () => {
    const rendered = renderedParts(tag);
    const listed = new Set((declarations.get(tag)?.cssParts ?? []).map((p) => p.name));
    assert.deepEqual([...rendered].filter((p) => !listed.has(p)).sort(), [], 'rendered, not in the manifest');
    assert.deepEqual(
      [...listed].filter((p) => !rendered.has(p)).sort(),
      [],
      'in the manifest, never rendered',
    );
  });

  test(`${tag}: every --privacy-* property its styles read is listed, and every listed one is read`, () => {
    const used = readProperties(tag);
    for (const prop of noEffect[tag] ?? []) {
      assert.ok(used.delete(prop), `${tag}: ${prop} is in noEffect but not read at all`);
    }
    const listed = new Set((declarations.get(tag)?.cssProperties ?? []).map((p) => p.name));
    assert.deepEqual([...used].filter((p) => !listed.has(p)).sort(), [], 'read, not in the manifest');
    assert.deepEqual([...listed].filter((p) => !used.has(p)).sort(), [], 'in the manifest, never read');
  });
}

test('each element has a custom-element-definition, and internal elements and helpers are left out', () => {
  const defined = new Map();
  for (const mod of manifest.modules) {
    for (const e of mod.exports ?? []) {
      if (e.kind !== 'custom-element-definition') continue;
      assert.match(e.name, /^privacy-[a-z-]+$/, `definition ${JSON.stringify(e)} in ${mod.path}`);
      defined.set(e.name, e.declaration);
    }
  }
  assert.deepEqual([...defined.keys()].sort(), [...tags].sort());
  for (const [tag, declaration] of defined) assert.equal(declaration.name, declarations.get(tag).name);
  assert.ok(!declarations.has('privacy-announcer'));
  assert.ok(!manifest.modules.some((m) => m.path.startsWith('src/elements/shared/')));
});

test('every module path in the manifest is a file the package ships', () => {
  const files = JSON.parse(read('package.json')).files;
  assert.ok(files.includes('src/'), 'package.json files ships src/, which the manifest names');
  const refs = new Set(manifest.modules.map((m) => m.path));
  const visit = (value) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    if (typeof value.module === 'string') refs.add(value.module);
    Object.values(value).forEach(visit);
  };
  visit(manifest.modules);
  for (const ref of refs) {
    assert.match(ref, /^src\/.+\.ts$/, ref);
    assert.ok(existsSync(join(root, ref)), `${ref} does not exist`);
  }
});

test('the JSX types (privacy-kit/jsx) name every element and exactly the attributes it reads', () => {
  const jsx = read('src/jsx.ts');
  const typed = new Map();
  // `'privacy-x': Props<{ a?: …; 'b-c'?: … }>` or `Props<object>` (no attributes of its own).
  for (const [, tag, body] of jsx.matchAll(/'(privacy-[a-z-]+)': Props<(\{[^]*?\}|object)>;/g)) {
    typed.set(tag, [...body.matchAll(/'?([a-z-]+)'?\??:/g)].map((m) => m[1]).sort());
  }
  assert.deepEqual([...typed.keys()].sort(), [...declarations.keys()].sort());
  for (const [tag, declaration] of declarations) {
    // `lang` is every HTML element's, in React's HTMLAttributes already.
    const own = (declaration.attributes ?? []).map((a) => a.name).filter((n) => n !== 'lang');
    assert.deepEqual(typed.get(tag), own.sort(), tag);
  }
});
