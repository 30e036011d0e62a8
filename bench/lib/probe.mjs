// What runs inside each benchmark page before any of its own scripts (context.addInitScript), and
// the fake analytics that stand in for Google and Adobe.

/**
 * The in-page probe. It records, relative to navigation start (performance.now()):
 * - `bannerAt`: the first animation frame in which the library's accept button is laid out and
 *   visible (checkVisibility with opacity and visibility) — when a visitor could use the banner;
 * - `gaRanAt`: when the (fake) gtag.js executed;
 * - `cls`: the sum of layout-shift values without recent input; `longTaskMs`/`longTasks`: long tasks.
 * @param {string | null} acceptButtonSource source of `() => Element | null`, or null (no banner)
 */
export function probeScript(acceptButtonSource) {
  return `(() => {
  if (window.top !== window) return;
  const bench = (window.__bench = { bannerAt: null, gaRanAt: null, gaRuns: 0, cls: 0, longTaskMs: 0, longTasks: 0 });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) bench.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { bench.longTaskMs += e.duration; bench.longTasks += 1; }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const find = ${acceptButtonSource ?? '() => null'};
  window.__benchAccept = find;
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 &&
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  };
  // Polls once per frame (cheap: one query) and stops when found or after 20 s.
  const tick = () => {
    if (bench.bannerAt !== null || performance.now() > 20000) return;
    let el = null;
    try { el = find(); } catch {}
    if (el && visible(el)) { bench.bannerAt = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  ${acceptButtonSource ? 'requestAnimationFrame(tick);' : ''}
})();`;
}

/** Hosts of Google and Adobe analytics: intercepted and answered by the fake below, and counted. */
export const ANALYTICS_HOSTS = [
  'googletagmanager.com',
  'google-analytics.com',
  'adobedtm.com',
  'omtrdc.net',
  'adobedc.net',
  'demdex.net',
];

/** True when `hostname` is one of ANALYTICS_HOSTS or a subdomain of one. */
export function isAnalyticsHost(hostname) {
  return ANALYTICS_HOSTS.some((h) => hostname === h || hostname.endsWith(`.${h}`));
}

/** A tiny stand-in for gtag.js / Adobe launch: records when it ran, nothing else. */
export const FAKE_TAG = `(function () {
  var b = window.__bench;
  if (b) { if (b.gaRanAt === null) b.gaRanAt = performance.now(); b.gaRuns += 1; }
})();`;

/**
 * Installs the routing of one browser context: 127.0.0.1 passes, analytics hosts get the fake tag
 * (a JS body for script URLs, 204 otherwise) and are recorded with the current phase, everything
 * else is aborted. `phase()` says whether consent was given yet.
 * @param {import('playwright-core').BrowserContext} context
 * @param {() => string} phase
 * @returns {Promise<{ url: string, phase: string }[]>} the list of analytics requests (filled live)
 */
export async function routeContext(context, phase) {
  /** @type {{ url: string, phase: string }[]} */
  const analytics = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    if (isAnalyticsHost(url.hostname)) {
      analytics.push({ url: url.href, phase: phase() });
      const isScript =
        route.request().resourceType() === 'script' ||
        /\/gtag\/js|\.js($|\?)/.test(url.pathname + url.search);
      return isScript
        ? route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_TAG })
        : route.fulfill({ status: 204, body: '' });
    }
    return route.abort('blockedbyclient');
  });
  return analytics;
}
