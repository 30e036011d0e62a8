// The published source maps are useful only if every source they name exists next to the build
// and its text travels with the map: src/ is not in the npm package.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const maps = ['', 'ui/'].flatMap((dir) =>
  readdirSync(join(dist, dir))
    .filter((f) => f.endsWith('.js.map'))
    .map((f) => join(dist, dir, f)),
);

describe('source maps in dist/', () => {
  it('exist for the loader, the library and the lazy chunks', () => {
    const names = maps.map((m) => m.slice(dist.length));
    for (const name of [
      'privacy-kit.js.map',
      'core.js.map',
      'ui/privacy-kit-runtime.js.map',
      'ui/privacy-kit-ui.js.map',
    ])
      assert.ok(names.includes(name), name);
  });

  it('name sources that exist and carry their text', () => {
    const broken = [];
    for (const file of maps) {
      const map = JSON.parse(readFileSync(file, 'utf8'));
      map.sources.forEach((source, i) => {
        if (!existsSync(resolve(dirname(file), source)) || !map.sourcesContent?.[i])
          broken.push(`${file.slice(dist.length)}: ${source}`);
      });
    }
    assert.deepEqual(broken, []);
  });
});
