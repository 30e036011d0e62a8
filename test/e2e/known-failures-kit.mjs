// What the known-failure e2e files share: the strict CSP header, blocked-script builders and the
// page probes their fake scripts record into (window.__runs / __order / __vendor).
import { after, before } from 'node:test';
import { launchBrowser, newContext, openPage, page, startServer } from './harness.mjs';

export const CSP = { 'content-security-policy': "script-src 'nonce-abc' 'strict-dynamic'; style-src 'self'" };
export const JS = { 'content-type': 'text/javascript' };

/**
 * The site each known-failure file runs against: a server and a browser started before its tests
 * and stopped after them, and `visit` on both. Read the properties inside tests, not at import.
 */
export function knownFailuresSite() {
  const site = {};
  before(async () => {
    site.server = await startServer();
    site.browser = await launchBrowser();
    site.visit = visitor(site.server, site.browser);
    page(site.server, '/frame.html', '<!doctype html><title>video</title><p>video');
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** A visit(path, options) for `server` and `browser`: a fresh context (or `existing`), loader ready. */
export function visitor(server, browser) {
  return async function visit(path, { host = '127.0.0.1', context: existing } = {}) {
    const ctx = existing ?? (await newContext(browser));
    const opened = await openPage(ctx.context);
    await opened.page.goto(server.origin(host) + path);
    await opened.page.evaluate(() => window.privacyKit.ready);
    return { ...ctx, ...opened, tab: opened.page };
  };
}

export const runs = (tab) => tab.evaluate(() => window.__runs ?? {});
export const order = (tab) => tab.evaluate(() => window.__order ?? []);
export const vendorRan = (tab) => tab.evaluate(() => window.__vendor ?? []);
export const waitForOrder = (tab, name) =>
  tab.waitForFunction((n) => (window.__order ?? []).includes(n), name);
export const blocked = (consent, code, attributes = '') =>
  `<script type="text/plain" data-consent="${consent}"${attributes}>${code}</script>`;
export const blockedSrc = (consent, src, attributes = '') =>
  `<script type="text/plain" data-consent="${consent}" data-src="${src}"${attributes}></script>`;

/**
 * Code of an inline script that needs `lib` (an external script before it): it records
 * `uses-<lib>`, or `uses-<lib> WITHOUT <lib>` when it ran before the library had loaded.
 */
export const usesCode = (lib) => {
  const name = 'uses-' + lib;
  return (
    `(window.__runs = window.__runs || {})["${name}"] = (window.__runs["${name}"] || 0) + 1;` +
    ` (window.__order = window.__order || []).push(window["${lib}"] ? "${name}" : "${name} WITHOUT ${lib}");`
  );
};
