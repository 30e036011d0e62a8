// The contestants: one page per library (bench/pages/<id>.html), where its files are served from,
// how to find its "accept" button in the page, and the name of the cookie it stores the decision in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Where privacy-kit's script-tag build is served from: dist/, or BENCH_DIST to try another build. */
export const ourDist = process.env.BENCH_DIST ? process.env.BENCH_DIST : join(root, 'dist');

/**
 * `acceptButton` is the source of a function run in the page: it returns the banner's accept button
 * (or null). The banner counts as visible in the first animation frame in which that button is laid
 * out and not hidden by opacity/visibility — the moment a visitor could press it.
 * `mounts` maps URL prefixes to folders; `cookie` is the library's own consent cookie.
 * @typedef {{ id: string, name: string, pkg: string | null, page: string, mounts: Record<string,string>,
 *   acceptButton: string | null, cookie: string | null, baseline?: boolean, ours?: boolean }} Library
 */

/** Finds an element in the document or in any open shadow root (privacy-kit renders in shadow DOM). */
const deepQuery = `(selector) => {
  const walk = (root) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const h = walk(el.shadowRoot); if (h) return h; }
    return null;
  };
  return walk(document);
}`;

/** @type {Library[]} */
export const libraries = [
  {
    id: 'privacy-kit',
    name: 'privacy-kit',
    pkg: null,
    ours: true,
    page: 'privacy-kit.html',
    mounts: { '/privacy-kit/': ourDist },
    acceptButton: `() => { const b = document.querySelector('privacy-banner'); return b && b.shadowRoot ? (${deepQuery}).call(null, '[part~="accept-button"]') : null; }`,
    cookie: 'privacy_consent',
  },
  {
    id: 'privacy-kit-settings-button',
    name: 'privacy-kit + settings button',
    pkg: null,
    ours: true,
    page: 'privacy-kit-settings-button.html',
    mounts: { '/privacy-kit/': ourDist },
    acceptButton: `() => { const b = document.querySelector('privacy-banner'); return b && b.shadowRoot ? (${deepQuery}).call(null, '[part~="accept-button"]') : null; }`,
    cookie: 'privacy_consent',
  },
  {
    id: 'vanilla-cookieconsent',
    name: 'vanilla-cookieconsent',
    pkg: 'vanilla-cookieconsent',
    page: 'vanilla-cookieconsent.html',
    mounts: { '/lib/vanilla-cookieconsent/': join(root, 'node_modules/vanilla-cookieconsent') },
    acceptButton: `() => document.querySelector('#cc-main .cm__btn[data-role="all"]')`,
    cookie: 'cc_cookie',
  },
  {
    id: 'klaro',
    name: 'Klaro',
    pkg: 'klaro',
    page: 'klaro.html',
    mounts: { '/lib/klaro/': join(root, 'node_modules/klaro') },
    acceptButton: `() => document.querySelector('.klaro .cookie-notice .cm-btn-success')`,
    cookie: 'klaro',
  },
  {
    id: 'orejime',
    name: 'Orejime',
    pkg: 'orejime',
    page: 'orejime.html',
    mounts: { '/lib/orejime/': join(root, 'node_modules/orejime') },
    acceptButton: `() => document.querySelector('.orejime-Banner-saveButton')`,
    cookie: 'eu-consent',
  },
  {
    id: 'tarteaucitron',
    name: 'tarteaucitron',
    pkg: 'tarteaucitronjs',
    page: 'tarteaucitron.html',
    mounts: { '/lib/tarteaucitronjs/': join(root, 'node_modules/tarteaucitronjs') },
    acceptButton: `() => document.querySelector('#tarteaucitronPersonalize2')`,
    cookie: 'tarteaucitron',
  },
  {
    id: 'baseline',
    name: 'plain gtag snippet (no consent)',
    pkg: null,
    baseline: true,
    page: 'baseline.html',
    mounts: {},
    acceptButton: null,
    cookie: null,
  },
];

/** The installed version of a library (ours: package.json version plus the git commit, if known). */
export function versionOf(lib, gitRev = '') {
  const pkgJson = lib.pkg ? join(root, 'node_modules', lib.pkg, 'package.json') : join(root, 'package.json');
  if (lib.baseline) return '—';
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8'));
  return lib.ours && gitRev ? `${version} (${gitRev})` : version;
}

/** Every URL prefix → folder mapping of all libraries, for one static server. */
export function allMounts(libs) {
  return Object.assign({}, ...libs.map((l) => l.mounts));
}
