// The loader already holds the consent arithmetic, the cookie codec, the config defaults, the
// cookie patterns and the Consent Mode rule. A first visit also downloads the runtime, which needs
// the same modules: bundled twice, they cost 1 KB brotli more than once. So the loader lends them
// and the runtime borrows them, two rollup plugins sharing one list.
//
// The hand-over is a global array under a key that hashes the sources of the loader and the
// runtime and this file (the array's layout). The loader asks for the runtime as `privacy-kit-runtime.js?v=<key>`, so a
// cache keeps a runtime paired with the loader that asked for it. A runtime from another build
// served anyway (a stale loader after a deploy) finds no array and stops with an error saying so,
// instead of calling functions it does not know.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LENT = [
  'src/core/consent.ts',
  'src/core/cookie-codec.ts',
  'src/core/cookie-read.ts',
  'src/core/defaults.ts',
  'src/core/state.ts',
  'src/integrations/cookie-patterns.ts',
  'src/integrations/google-consent.ts',
].map((file) => resolve(file));

// The key covers all the loader and the runtime are built from, not only the lent modules: the
// runtime's `attach`, its writer and sync messages are a contract with the loader too.
const sources = [
  ...['src/core', 'src/integrations'].flatMap((dir) =>
    readdirSync(dir, { recursive: true })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f)),
  ),
  'src/loader.ts',
  'src/runtime.ts',
]
  .map((file) => resolve(file))
  .sort();
const root = fileURLToPath(new URL('..', import.meta.url));
const hash = createHash('sha256');
// Line endings do not change the code: a CRLF checkout gets the same key.
const text = (file) => readFileSync(file, 'utf8').replaceAll('\r\n', '\n');
for (const file of [...sources, fileURLToPath(import.meta.url)]) {
  hash.update(relative(root, file).replaceAll('\\', '/')).update('\0').update(text(file)).update('\0');
}
/** Names this loader/runtime pair; also the loader's `?v=` on the runtime's address. */
const KEY = hash.digest('hex').slice(0, 12);
const slot = `self[Symbol.for(${JSON.stringify('privacy-kit:' + KEY)})]`;
/** The identifier in the loader's source that becomes KEY (declared there). */
const KEY_NAME = 'LENT_KEY';

const LEND = '\0privacy-kit-lend';
const HANDOVER = '\0privacy-kit-handover';
const BORROW = '\0privacy-kit-borrow:';
const SLOT = '\0privacy-kit-slot';

/** Each lent module's value exports, in one order both builds agree on (the source's). */
async function exportsOf(context, id) {
  const info = await context.load({ id });
  return info.exports.filter((name) => name !== 'default');
}

/** Loader build: the configured `input` runs after the lent modules are handed over. */
export function lend() {
  let main;
  return {
    name: 'privacy-kit-lend',
    options(options) {
      main = resolve(options.input);
      return { ...options, input: LEND };
    },
    resolveId: (source) => (source === LEND || source === HANDOVER ? source : null),
    // Not the declaration (`LENT_KEY: string`); the code moves within one line, so `map: null`.
    transform: (code, id) =>
      id === main
        ? { code: code.replace(new RegExp(`\\b${KEY_NAME}\\b(?!:)`, 'g'), JSON.stringify(KEY)), map: null }
        : null,
    async load(id) {
      // Imports run in order, before the importing module's body: the hand-over comes first.
      if (id === LEND) return `import ${JSON.stringify(HANDOVER)};\nimport ${JSON.stringify(main)};\n`;
      if (id !== HANDOVER) return null;
      const lists = [];
      const imports = [];
      for (const [i, file] of LENT.entries()) {
        const names = await exportsOf(this, file);
        imports.push(
          `import { ${names.map((n) => `${n} as m${i}_${n}`).join(', ')} } from ${JSON.stringify(file)};`,
        );
        lists.push(`[${names.map((n) => `m${i}_${n}`).join(',')}]`);
      }
      return `${imports.join('\n')}\n${slot} = [${lists.join(',')}];\n`;
    },
  };
}

/** Runtime build: imports of a lent module read the loader's copy. */
export function borrow() {
  return {
    name: 'privacy-kit-borrow',
    async resolveId(source, importer, options) {
      if (source === SLOT) return SLOT;
      if (!importer || importer.startsWith('\0')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && LENT.includes(resolved.id) ? BORROW + resolved.id : null;
    },
    async load(id) {
      if (id === SLOT) {
        return `const lent = ${slot};
if (!lent) throw Error('privacy-kit: runtime of another build than privacy-kit.js');
export default lent;\n`;
      }
      if (!id.startsWith(BORROW)) return null;
      const file = id.slice(BORROW.length);
      const names = await exportsOf(this, file);
      return `import lent from ${JSON.stringify(SLOT)};\nexport const [${names.join(',')}] = lent[${LENT.indexOf(file)}];\n`;
    },
  };
}
