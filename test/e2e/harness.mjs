// End-to-end harness: a tiny static server on 127.0.0.1 (random port) serving the built dist/ at
// /privacy-kit/ and pages the tests register, and Chromium driven by playwright-core. Google's and
// Adobe's hosts are answered by small fake scripts that record they ran; every request to them is
// counted; any other request that would leave 127.0.0.1 is aborted.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../scripts/chrome.mjs';

const root = new URL('../..', import.meta.url).pathname;
/** The built library; PRIVACY_KIT_DIST points elsewhere for a quick local loader build. */
export const DIST = process.env.PRIVACY_KIT_DIST ?? join(root, 'dist');

const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.html': 'text/html',
};

/** Hosts the library must not contact before consent (consent-gating.md). */
export const VENDOR =
  /(^|\.)(googletagmanager\.com|google-analytics\.com|adobedtm\.com|omtrdc\.net|adobedc\.net|demdex\.net)$/;
const LOCAL = /^(127\.0\.0\.1|localhost|www\.site\.test|shop\.site\.test)$/;

/**
 * Starts the server. `pages` maps a path to `{ body, headers, status }` (or a function of the
 * request returning one); tests add their own with `server.pages.set()`. Every request is logged.
 */
export async function startServer() {
  const pages = new Map();
  const log = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    log.push({ host: req.headers.host, path: url.pathname, search: url.search });
    let entry = pages.get(url.pathname);
    if (typeof entry === 'function') entry = entry(req, url);
    if (entry) {
      res.writeHead(entry.status ?? 200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...entry.headers,
      });
      return res.end(entry.body);
    }
    if (url.pathname.startsWith('/privacy-kit/')) {
      const file = normalize(join(DIST, url.pathname.slice('/privacy-kit/'.length)));
      if (file.startsWith(DIST) && existsSync(file)) {
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        return res.end(readFileSync(file));
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    pages,
    log,
    /** `http://<host>:<port>` for a host the browser maps to 127.0.0.1. */
    origin: (host = '127.0.0.1') => `http://${host}:${port}`,
    /** Requests for `path` seen so far. */
    hits: (path) => log.filter((r) => r.path === path).length,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Chromium with *.site.test mapped to 127.0.0.1. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: findChrome(),
    headless: true,
    args: [...chromeArgs, '--host-resolver-rules=MAP www.site.test 127.0.0.1, MAP shop.site.test 127.0.0.1'],
  });
}

// Fake vendor scripts. Each records that it ran on window.__vendor; the tag fakes read the consent
// state from the dataLayer as gtag.js does and send a hit only when analytics is granted.
const FAKES = {
  gtag: `(function () {
    var id = new URL(document.currentScript.src).searchParams.get('id');
    (window.__vendor = window.__vendor || []).push('gtag:' + id);
    var consent = {};
    (window.dataLayer || []).forEach(function (e) { if (e && e[0] === 'consent') Object.assign(consent, e[2]); });
    window.__gtagSawConsent = consent;
    if (consent.analytics_storage === 'granted') new Image().src = 'https://www.google-analytics.com/g/collect?tid=' + id;
  })();`,
  // Records what the container would see when it starts: the dataLayer's length and its consent.
  gtm: `(function () {
    (window.__vendor = window.__vendor || []).push('gtm:' + new URL(document.currentScript.src).searchParams.get('id'));
    var consent = {};
    (window.dataLayer || []).forEach(function (e) { if (e && e[0] === 'consent') Object.assign(consent, e[2]); });
    window.__gtmSaw = { length: (window.dataLayer || []).length, consent: consent };
  })();`,
  adobeTags: `(window.__vendor = window.__vendor || []).push('adobe-tags');
    new Image().src = 'https://example.sc.omtrdc.net/b/ss/suite/1/JS-2.0/s1';`,
};

function fakeFor(url) {
  if (url.hostname.endsWith('googletagmanager.com'))
    return url.pathname.startsWith('/gtm.js') ? FAKES.gtm : FAKES.gtag;
  if (url.hostname.endsWith('adobedtm.com')) return FAKES.adobeTags;
  return '';
}

/**
 * A fresh context (own cookies and storage) whose vendor traffic is faked and counted:
 * `vendorRequests` lists every URL asked of a vendor host, `blocked` every other outside request.
 */
export async function newContext(browser) {
  const context = await browser.newContext();
  const vendorRequests = [];
  const blocked = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL.test(url.hostname))
      return route.continue();
    if (VENDOR.test(url.hostname)) {
      vendorRequests.push(url.href);
      const body = fakeFor(url);
      return route.fulfill({ status: 200, contentType: body ? 'text/javascript' : 'image/gif', body });
    }
    blocked.push(url.href);
    return route.abort();
  });
  return { context, vendorRequests, blocked };
}

/**
 * A page that records console errors and warnings, page errors and CSP violations, and counts the
 * `consent`/`config` commands on the dataLayer for assertions.
 */
export async function openPage(context) {
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  const pageErrors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { page, errors, warnings, pageErrors };
}

/** The gtag commands on the page's dataLayer, as plain arrays (with a flag for Arguments objects). */
export function dataLayer(page) {
  return page.evaluate(() =>
    (window.dataLayer || []).map((e) => ({
      args: Object.prototype.toString.call(e) === '[object Arguments]',
      value: Array.from(e.length !== undefined ? e : [e]),
    })),
  );
}

/** The sample config of DESIGN.md, with the GA id the fakes use. */
export const CONFIG = {
  revision: '2018-06-18',
  language: 'nl',
  categories: { analytics: {}, marketing: {} },
  services: {
    'google-analytics': { category: 'analytics', google: { measurementId: 'G-ABC' } },
    'adobe-analytics': { category: 'analytics' },
    youtube: { category: 'marketing' },
  },
};

/** The tags of the script-tag contract: GA as blocked content, Adobe Tags as blocked content. */
export const TAGS = `
  <script type="text/plain" data-consent="google-analytics" data-src="https://www.googletagmanager.com/gtag/js?id=G-ABC" async></script>
  <script type="text/plain" data-consent="google-analytics">gtag('js', new Date()); gtag('config', 'G-ABC');</script>
  <script type="text/plain" data-consent="adobe-analytics" data-src="https://assets.adobedtm.com/launch-abc.min.js"></script>`;

/**
 * A page as a site writes it: the inline config (`null`: none), the loader first in <head>, then the
 * blocked tags. `loader` holds extra attributes for the loader's script tag.
 */
export function sitePage({
  config = CONFIG,
  head = TAGS,
  body = '<main><h1>Bibliotheek</h1><p>Welkom.</p></main>',
  loader = '',
  nonce = '',
} = {}) {
  const n = nonce ? ` nonce="${nonce}"` : '';
  const json = typeof config === 'string' ? config : JSON.stringify(config);
  const inline =
    config === null ? '' : `<script type="application/json" id="privacy-kit-config">${json}</script>`;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Site</title>
  ${inline}
  <script src="/privacy-kit/privacy-kit.js"${n} ${loader}></script>
  ${nonce ? head.replaceAll('<script type="text/plain"', `<script type="text/plain"${n}`) : head}
  </head><body>${body}</body></html>`;
}

/** Registers `html` at `path` and returns the path. */
export function page(server, path, html, headers = {}) {
  server.pages.set(path, { body: html, headers });
  return path;
}

/** Every Consent Mode v2 type the `default` denies (security_storage stays granted). */
export const DENIED_BY_DEFAULT = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
];

/** The `gtag('consent', …)` commands on the page's dataLayer, oldest first, as plain arrays. */
export async function consentCommands(page) {
  return (await dataLayer(page)).map((e) => e.value).filter((c) => c[0] === 'consent');
}

/**
 * Code for a blocked inline script that counts its runs in `window.__runs[name]` and appends
 * `name` to `window.__order`, so tests see how often and in which order blocked scripts ran.
 */
export const countRun = (name) =>
  `(window.__runs = window.__runs || {})[${JSON.stringify(name)}] = (window.__runs[${JSON.stringify(name)}] || 0) + 1;` +
  ` (window.__order = window.__order || []).push(${JSON.stringify(name)});`;

/**
 * Waits until blocked content added so far has been handled, without a timer: appends a blocked
 * script for the always-granted `necessary` category and waits for it to run. Blocked scripts run
 * in document order, so any script granted before it has run by then; with nothing granted, the
 * loader has at least looked at everything inserted before it.
 */
export async function settleBlocked(page, parent = 'body') {
  const id = await page.evaluate((selector) => {
    const token = 'settled-' + Math.random().toString(36).slice(2);
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.consent = 'necessary';
    // Under a strict CSP an inline script needs the page's nonce, which only the property shows.
    const nonce = Array.from(document.scripts).find((s) => s.nonce)?.nonce;
    if (nonce) script.nonce = nonce;
    script.text = `(window.__settled = window.__settled || []).push(${JSON.stringify(token)});`;
    document.querySelector(selector).append(script);
    return token;
  }, parent);
  await page.waitForFunction((token) => (window.__settled ?? []).includes(token), id);
}

/** Same-origin paths (with query) the page requested from now on, e.g. `/privacy-kit/ui/privacy-kit-ui.js`. */
export function recordRequests(page) {
  const paths = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && !VENDOR.test(url.hostname)) paths.push(url.pathname + url.search);
  });
  return paths;
}
