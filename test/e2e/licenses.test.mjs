// The minified files a site copies hold other packages' code without its license comments:
// dist/ui/LICENSES.txt must carry every bundled package's notice. Checked against the source
// maps, which rollup writes independently of the plugin that writes the notices.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const notices = readFileSync(join(dist, 'ui/LICENSES.txt'), 'utf8');

/** package name → the dist files whose source maps name one of its modules. */
function bundledPackages(dir) {
  const found = new Map();
  for (const file of readdirSync(join(dist, dir)).filter((f) => f.endsWith('.js.map'))) {
    const { sources } = JSON.parse(readFileSync(join(dist, dir, file), 'utf8'));
    for (const source of sources) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
      if (name) found.set(name, (found.get(name) ?? new Set()).add(file.replace(/\.map$/, '')));
    }
  }
  return found;
}

describe('license notices', () => {
  const bundled = bundledPackages('ui');

  it('the lazy UI bundles Lit, i18next and js-cookie (what the notices must cover)', () => {
    for (const name of ['lit-html', '@lit/reactive-element', 'i18next', 'js-cookie'])
      assert.ok(bundled.has(name), `${name} in dist/ui: ${[...bundled.keys()]}`);
  });

  it('dist/ui/LICENSES.txt carries each bundled package with its license text and files', () => {
    for (const [name, files] of bundled) {
      const dir = join(root, 'node_modules', name);
      const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const heading = new RegExp(
        `^${name.replace(/[/.@]/g, '\\$&')} ${version} \\(${license}\\), in (.+)$`,
        'm',
      );
      const listed = heading.exec(notices)?.[1].split(', ');
      assert.ok(listed, `${name} ${version} has a section`);
      assert.deepEqual(listed.sort(), [...files].sort(), `${name}: the files it is in`);
      const text = readFileSync(
        join(
          dir,
          readdirSync(dir).find((f) => /^licen[cs]e/i.test(f)),
        ),
        'utf8',
      );
      assert.ok(notices.includes(text.trim()), `${name}: its license text, word for word`);
    }
  });

  it("carries privacy-kit's own license first", () => {
    const own = readFileSync(join(root, 'LICENSE'), 'utf8').trim();
    assert.ok(notices.indexOf(own) > 0 && notices.indexOf(own) < notices.indexOf('BSD'), 'MIT text first');
  });

  it('the loader and the npm library bundle no other package (their imports stay imports)', () => {
    for (const dir of ['', 'chunks', 'elements']) assert.deepEqual([...bundledPackages(dir).keys()], [], dir);
  });
});
