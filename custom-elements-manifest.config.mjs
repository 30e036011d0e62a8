// @custom-elements-manifest/analyzer settings, read by `cem analyze` (npm run build / analyze).
// Private members (`#fields`, `private`) are implementation: left out, with the attributes the
// analyzer infers for them, so editors' IDEs and Storybook's Docs pages list only what a page can use.
// Module paths are the `src/` files, which the package ships (package.json `files`).
import { existsSync } from 'node:fs';
import { posix } from 'node:path';

/** Helpers of the elements, not part of the package's surface (the announcer is an inner element). */
const INTERNAL = 'src/elements/shared/';

/** A name `customElements.define()` accepts (lower case, with a hyphen); rejects `tag` from a helper. */
const isTagName = (name) => typeof name === 'string' && /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(name);

export default {
  litelement: true,
  // package.json names custom-elements.json already; a run with --outdir (the manifest test) must
  // not point it elsewhere.
  packagejson: false,
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  plugins: [
    {
      // Most elements are registered through `defineElement('privacy-x', PrivacyX)`
      // (src/elements/shared/define.ts), which the analyzer does not know: record those as
      // definitions, as it does for `customElements.define()` calls.
      name: 'privacy-kit:define-element-calls',
      analyzePhase({ ts, node, moduleDoc, context }) {
        if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
        if (node.expression.text !== 'defineElement') return;
        const [tag, ctor] = node.arguments;
        if (!tag || !ts.isStringLiteral(tag) || !ctor || !ts.isIdentifier(ctor)) return;
        const imported = context.imports?.find((i) => i.name === ctor.text && !i.isBareModuleSpecifier);
        const module = imported
          ? posix.join(posix.dirname(moduleDoc.path), imported.importPath)
          : moduleDoc.path;
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          { kind: 'custom-element-definition', name: tag.text, declaration: { name: ctor.text, module } },
        ];
      },
    },
    {
      name: 'privacy-kit:public-members-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            const hidden = new Set(
              (declaration.members ?? [])
                .filter((member) => member.privacy === 'private' || member.name.startsWith('#'))
                .map((member) => member.name),
            );
            if (declaration.members) {
              declaration.members = declaration.members.filter((member) => !hidden.has(member.name));
            }
            // Internal state declared in `static properties` ({ state: true }) is no attribute.
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
            }
          }
        }
      },
    },
    {
      // Internal helpers out; definitions only for real tag names; every reference to a module of
      // this package by its path in the package (`src/…/x.ts`, as the analyzer names it when it
      // reads the module itself, not `/src/…/x.js` as it resolves an import).
      name: 'privacy-kit:package-paths',
      packageLinkPhase({ customElementsManifest }) {
        const manifest = customElementsManifest;
        manifest.modules = (manifest.modules ?? []).filter((mod) => !mod.path.startsWith(INTERNAL));
        // Re-exports name their module relative to the re-exporting one (`./x/index.js`).
        const normalize = (ref, from) => {
          let path = ref.startsWith('.') ? posix.join(posix.dirname(from), ref) : ref.replace(/^\//, '');
          if (path.endsWith('.js') && !existsSync(path) && existsSync(path.slice(0, -3) + '.ts')) {
            path = path.slice(0, -3) + '.ts';
          }
          return path;
        };
        const visit = (value, from) => {
          if (Array.isArray(value)) return value.forEach((v) => visit(v, from));
          if (!value || typeof value !== 'object') return;
          if (typeof value.module === 'string') value.module = normalize(value.module, from);
          Object.values(value).forEach((v) => visit(v, from));
        };
        for (const mod of manifest.modules) visit(mod, mod.path);
        for (const mod of manifest.modules) {
          if (!mod.exports) continue;
          mod.exports = mod.exports.filter(
            (e) =>
              e.kind !== 'custom-element-definition' ||
              (isTagName(e.name) && !e.declaration?.module?.startsWith(INTERNAL)),
          );
        }
        for (const mod of manifest.modules) {
          for (const ref of [mod.path, ...(mod.exports ?? []).map((e) => e.declaration?.module)]) {
            if (ref && !ref.includes(':') && !existsSync(ref)) {
              throw new Error(`custom-elements.json: ${ref} is not a file of the package`);
            }
          }
        }
      },
    },
  ],
};
