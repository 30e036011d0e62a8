// One benchmark sample: a first visit (banner shown), accept, then a returning visit (reload with
// the library's own consent cookie set), all in one fresh browser context.
import { probeScript, routeContext } from './probe.mjs';

/** Time after the banner is visible (and `load` fired) during which layout shifts and long tasks still count. */
export const SETTLE_MS = 300;

/**
 * @typedef {{ path: string, kind: string, raw: number, br: number, at: number }} Fetched
 * @typedef {{
 *   firstBytes: number, firstFiles: Fetched[], returnBytes: number, returnFiles: Fetched[],
 *   bannerMs: number | null, cls: number, longTaskMs: number, gaReturnMs: number | null,
 *   heapBytes: number, analyticsBeforeConsent: string[], bannerOnReturn: boolean
 * }} Sample
 */

const sum = (files) => files.reduce((n, f) => n + f.br, 0);

/**
 * Runs one sample. Throws (after closing its context) when a step times out or the library
 * misbehaves in a way that makes the sample meaningless (no banner, GA never ran after accept).
 * @param {{ browser: import('playwright-core').Browser, server: Awaited<ReturnType<typeof import('./static-server.mjs').startStaticServer>>,
 *   lib: import('./libraries.mjs').Library, throttle: number, timeoutMs?: number }} options
 * @returns {Promise<Sample>}
 */
export async function measureOnce({ browser, server, lib, throttle, timeoutMs = 20000 }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    serviceWorkers: 'block',
    locale: 'nl-NL',
  });
  let phase = 'before-consent';
  const t0 = Date.now();
  /** @type {string[]} */
  const steps = [];
  const step = (name) => steps.push(`${name}@${Date.now() - t0}`);
  try {
    context.setDefaultTimeout(timeoutMs);
    context.setDefaultNavigationTimeout(timeoutMs);
    const analytics = await routeContext(context, () => phase);
    await context.addInitScript(probeScript(lib.acceptButton));
    const page = await context.newPage();
    step('page');
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const url = `${server.origin}/pages/${lib.page}`;

    // First visit: until the banner is usable, then a short settle for late shifts and long tasks.
    let mark = server.mark();
    await page.goto(url, { waitUntil: 'load' });
    step('load');
    if (lib.acceptButton) {
      await page.waitForFunction(() => window.__bench.bannerAt !== null, null, { polling: 25 });
    }
    step('banner');
    const bannerEpoch = await page.evaluate(
      () => performance.timeOrigin + (window.__bench.bannerAt ?? performance.now()),
    );
    await page.waitForTimeout(SETTLE_MS);
    const first = await page.evaluate(() => ({ ...window.__bench }));
    // Files whose request reached the server before the banner became visible (1 ms clock slack).
    const firstFiles = server.since(mark).filter((f) => f.at <= bannerEpoch + 1);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    step('heap');
    const analyticsBeforeConsent = analytics.filter((a) => a.phase === 'before-consent').map((a) => a.url);

    // Accept once, the way a visitor does, so the library writes its own cookie format.
    if (lib.acceptButton) {
      phase = 'after-consent';
      await page.evaluate(() => window.__benchAccept().click());
      await page.waitForFunction(() => window.__bench.gaRanAt !== null, null, { polling: 25 });
      await page.waitForFunction(
        (name) => document.cookie.split('; ').some((c) => c.startsWith(`${name}=`)),
        lib.cookie,
        { polling: 25 },
      );
      // Some libraries write their cookie in several steps (tarteaucitron: one service at a time);
      // reload only once it has stayed the same for 200 ms, as a visitor's next page view would.
      await page.waitForFunction(
        () => {
          const w = /** @type {any} */ (window);
          const now = document.cookie;
          if (w.__benchCookie !== now) {
            w.__benchCookie = now;
            w.__benchCookieAt = performance.now();
          }
          return performance.now() - w.__benchCookieAt >= 200;
        },
        null,
        { polling: 50 },
      );
    }

    step('accepted');
    // Returning visit: same context, consent cookie set.
    phase = 'returning';
    mark = server.mark();
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench.gaRanAt !== null, null, { polling: 25 });
    await page.waitForTimeout(SETTLE_MS);
    const back = await page.evaluate(() => ({ ...window.__bench }));
    const returnFiles = server.since(mark);
    step('returned');
    if (process.env.BENCH_DEBUG) console.log(`    ${lib.id} ${throttle}x: ${steps.join(' ')}`);

    return {
      firstBytes: sum(firstFiles),
      firstFiles,
      returnBytes: sum(returnFiles),
      returnFiles,
      bannerMs: lib.acceptButton ? first.bannerAt : null,
      cls: first.cls,
      longTaskMs: first.longTaskMs,
      gaReturnMs: back.gaRanAt,
      heapBytes: usedSize,
      analyticsBeforeConsent,
      bannerOnReturn: back.bannerAt !== null,
    };
  } finally {
    await context.close().catch(() => {});
  }
}
