// The files a site copies from dist/ui/ carry code of other packages (Lit under BSD-3-Clause,
// i18next and js-cookie under MIT). Both licenses ask that their notice travel with every copy,
// also a minified one, and terser drops comments. So the builds that bundle packages write their
// notices, with privacy-kit's own, to dist/ui/LICENSES.txt: it goes wherever the folder goes.
// Written from what rollup really bundled, so the list cannot drift from the code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const NOTICES = 'ui/LICENSES.txt';

/** The package a bundled module belongs to: the nearest package.json with a name, and its license file. */
function packageOf(id) {
  for (let dir = dirname(id); dir.includes('/node_modules/'); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version, license } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!name) continue; // a nested package.json that only sets "type"
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    if (!file) throw Error(`notices: ${name} ships no license file; its notice cannot be included`);
    return { name, version, license, text: readFileSync(join(dir, file), 'utf8').trim() };
  }
  return undefined;
}

/**
 * One instance serves every build that writes into dist/ui/: each build adds what it bundled,
 * and writes the notices of all builds so far (the last build's file holds them all).
 */
export function notices() {
  const bundled = new Map(); // package name → { name, version, license, text, files }
  return {
    name: 'privacy-kit-notices',
    generateBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of Object.keys(chunk.modules)) {
          if (!id.includes('/node_modules/') || chunk.modules[id].renderedLength === 0) continue;
          const pkg = packageOf(id.replace(/^\0|\?.*$/g, ''));
          if (!pkg) continue;
          const entry = bundled.get(pkg.name) ?? { ...pkg, files: new Set() };
          entry.files.add(chunk.fileName.replace(/^ui\//, ''));
          bundled.set(pkg.name, entry);
        }
      }
      const own = readFileSync(join(root, 'LICENSE'), 'utf8').trim();
      const sections = [...bundled.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(
          (p) => `${p.name} ${p.version} (${p.license}), in ${[...p.files].sort().join(', ')}\n\n${p.text}`,
        );
      const rule = '\n\n' + '-'.repeat(72) + '\n\n';
      this.emitFile({
        type: 'asset',
        fileName: NOTICES,
        source:
          [
            'The files in this folder are privacy-kit, under this license:',
            own,
            'They include code of the packages below, under their licenses.',
            ...sections,
          ].join(rule) + '\n',
      });
    },
  };
}
