// A tiny static server on 127.0.0.1 (random port) for the benchmark pages and the libraries' files.
// It logs every JS/CSS response with its brotli size (quality 11, computed here from the body, so
// the figure is independent of what encoding the server or browser negotiate).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Brotli size in bytes at maximum quality, as a pre-compressing CDN would serve it. */
export function brotliBytes(body) {
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** Brotli bytes of the inline blocks a page marks with `data-bench-config` (its config and texts). */
export function inlineConfigBytes(html) {
  const blocks = [...html.matchAll(/<script\b[^>]*\bdata-bench-config\b[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => m[1],
  );
  return blocks.length ? brotliBytes(Buffer.from(blocks.join('\n'))) : 0;
}

/**
 * Starts the server. `pagesDir` holds `<id>.html` files (with `<!--bench:content-->` replaced by
 * `_content.html` and `_style.html` added at the end of `<head>`); `mounts` maps URL prefixes to folders. Returns the origin, a request log and close().
 * @param {{ pagesDir: string, mounts: Record<string, string> }} options
 */
export async function startStaticServer({ pagesDir, mounts }) {
  /** @type {{ path: string, kind: 'js'|'css', raw: number, key: string, at: number }[]} */
  const log = [];
  /** @type {Map<string, Buffer>} */
  const bodies = new Map();
  /** @type {Map<string, number>} */
  const brCache = new Map();
  const brOf = (key) => {
    if (!brCache.has(key)) brCache.set(key, brotliBytes(bodies.get(key) ?? Buffer.alloc(0)));
    return brCache.get(key) ?? 0;
  };
  const content = await readFile(join(pagesDir, '_content.html'), 'utf8');
  const style = await readFile(join(pagesDir, '_style.html'), 'utf8');

  const resolveFile = (urlPath) => {
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!urlPath.startsWith(prefix)) continue;
      const file = normalize(join(dir, urlPath.slice(prefix.length)));
      return file.startsWith(normalize(dir) + sep) ? file : null;
    }
    if (/^\/pages\/[\w-]+\.html$/.test(urlPath)) return join(pagesDir, urlPath.slice('/pages/'.length));
    return null;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = resolveFile(decodeURIComponent(url.pathname));
    try {
      if (!file) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      let body = await readFile(file);
      const ext = extname(file);
      if (ext === '.html')
        body = Buffer.from(
          body
            .toString('utf8')
            .replace('</head>', `${style}</head>`)
            .replace('<!--bench:content-->', content),
        );
      const kind = ext === '.js' || ext === '.mjs' ? 'js' : ext === '.css' ? 'css' : 'other';
      if (kind !== 'other') {
        // Compressed later, in since(): compressing here would slow the very visit being timed.
        const key = `${file}:${info.mtimeMs}`;
        if (!bodies.has(key)) bodies.set(key, body);
        log.push({ path: url.pathname, kind, raw: body.length, key, at: Date.now() });
      }
      // no-store: every visit (including the returning one) fetches what it needs, so the byte
      // counts say what a visitor with a cold HTTP cache downloads.
      res.writeHead(200, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch (error) {
      res.writeHead(error?.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(error?.code === 'ENOENT' ? 'not found' : 'error');
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    log,
    /** Index into the log, to read what one visit fetched with `since(mark)`. */
    mark: () => log.length,
    /** JS/CSS responses since `mark`, each with its brotli size. */
    since: (mark) => log.slice(mark).map(({ key, ...entry }) => ({ ...entry, br: brOf(key) })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
