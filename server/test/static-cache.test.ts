// How the reference server lets browsers cache the library (README "Caching and deploys"): files
// named by their content hash for a year, the fixed-name entry points revalidated on every use.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { openSqliteStorage } from '../src/storage/sqlite.js';
import { EXPORT_TOKEN, removeDir, tempDir } from './helpers.js';
import { RecordingMailer } from './in-process.js';

let dir: string;
let app: FastifyInstance;

const FILES = [
  'privacy-kit.js',
  'core.js',
  'ui/privacy-kit-ui.js',
  'ui/privacy-kit-runtime.js',
  'ui/privacy-gate-DYOAVRhz.js',
  'ui/privacy-gate-DYOAVRhz.js.map',
  'ui/i18next-thoczaV7.js',
  'chunks/create-EJYYa20W.js',
];

before(async () => {
  dir = tempDir('privacy-kit-static-');
  const dist = join(dir, 'dist');
  for (const file of FILES) {
    mkdirSync(join(dist, file, '..'), { recursive: true });
    writeFileSync(join(dist, file), '// ' + file);
  }
  const config = readConfig({ PRIVACY_KIT_EXPORT_TOKEN: EXPORT_TOKEN });
  if (!config.ok) throw new Error(config.errors.join('\n'));
  app = buildApp({
    config: config.value,
    storage: openSqliteStorage({ file: join(dir, 'app.sqlite') }),
    mailer: new RecordingMailer(),
    distDir: dist,
    logger: false,
  });
  await app.ready();
});
after(async () => {
  await app.close();
  removeDir(dir);
});

const cacheControl = async (file: string) => {
  const response = await app.inject({ url: `/privacy-kit/${file}` });
  assert.equal(response.statusCode, 200, file);
  assert.equal(response.body, '// ' + file);
  return response.headers['cache-control'];
};

describe('caching the library', () => {
  it('keeps chunks named by their content hash for a year, unasked', async () => {
    for (const file of FILES.filter((f) => /-[\w-]{8}\.js/.test(f))) {
      assert.equal(await cacheControl(file), 'public, max-age=31536000, immutable', file);
    }
  });

  it('has the browser ask again for the loader, the UI entry, the runtime and the npm entries', async () => {
    for (const file of ['privacy-kit.js', 'core.js', 'ui/privacy-kit-ui.js', 'ui/privacy-kit-runtime.js']) {
      assert.equal(await cacheControl(file), 'no-cache', file);
    }
  });

  it('answers a revalidation of an unchanged entry with 304', async () => {
    const first = await app.inject({ url: '/privacy-kit/privacy-kit.js' });
    const etag = first.headers['etag'];
    assert.ok(etag, 'an ETag to revalidate with');
    const again = await app.inject({
      url: '/privacy-kit/privacy-kit.js',
      headers: { 'if-none-match': String(etag) },
    });
    assert.equal(again.statusCode, 304);
  });
});
