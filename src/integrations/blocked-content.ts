/**
 * Blocked content: `<script type="text/plain" data-consent="…">` (inline or `data-src`),
 * `<iframe data-consent data-src>` and `<img data-consent data-src>`, activated once their service
 * or category is granted, in document order, including content added later (known-failures #2, #8).
 */
import type { PrivacyKit } from '../core/types.js';

const SELECTOR =
  'script[type="text/plain"][data-consent],iframe[data-consent][data-src],img[data-consent][data-src]';

// Attributes that describe the blocking itself, not the script to run.
const NOT_COPIED = new Set(['type', 'src', 'data-src', 'data-type', 'nonce']);

/**
 * Runs a blocked script by inserting a clone that the browser executes. Keeps every other
 * attribute (`async`, `integrity`, `crossorigin`, `referrerpolicy`, `id`, `class`, `data-*`) and
 * the nonce, read from the property: under CSP the attribute reads empty (known-failure #5). An
 * inline script without a nonce of its own never gets one: that would let injected markup run.
 * Resolves when an external script without `async` has loaded or failed, so the next blocked
 * script runs after it, as a parser-inserted one would.
 */
function runScript(blocked: HTMLScriptElement, ran?: () => void): Promise<void> {
  const script = document.createElement('script');
  for (const { name, value } of blocked.attributes) {
    if (!NOT_COPIED.has(name)) script.setAttribute(name, value);
  }
  const type = blocked.dataset.type;
  if (type) script.type = type;
  if (blocked.nonce) script.nonce = blocked.nonce;
  const src = blocked.dataset.src ?? blocked.getAttribute('src');
  let done = Promise.resolve();
  if (src) {
    script.async = blocked.hasAttribute('async');
    done = new Promise((resolve) => {
      const settle = () => {
        ran?.();
        resolve();
      };
      // Listeners, not `onload`: that property is the page's own `onload="…"` attribute, copied above.
      script.addEventListener('load', settle);
      script.addEventListener('error', settle);
    });
    script.src = src;
  } else {
    script.text = blocked.text;
  }
  // An inline script that throws reports to window.onerror; it cannot stop the others.
  blocked.replaceWith(script);
  if (!src) ran?.();
  // An async script does not hold up the next one.
  return script.async ? Promise.resolve() : done;
}

/** Options of {@link installBlockedContent}. */
export interface BlockedContentOptions {
  /** Where to look and watch. Default: the document. */
  readonly root?: ParentNode & Node;
  /** Warn once about a `data-consent` name the config does not know. Default true. */
  readonly warnUnknown?: boolean;
  /**
   * The page's script nonce (the loader's). Under `'strict-dynamic'` the browser trusts every
   * script this module inserts, so with a nonce set only blocked scripts carrying the same nonce
   * run: markup injected into the page cannot use privacy-kit to run code.
   */
  readonly nonce?: string | undefined;
  /**
   * Called when an activated script has run (an external one: loaded or failed) while its
   * consent has been withdrawn meanwhile: the cookies it set must go too.
   */
  readonly lateRun?: (() => void) | undefined;
}

/**
 * Activates blocked content whose `data-consent` service or category is granted, now and on each
 * change, and watches for content added later. Each script runs at most once, ever
 * (known-failure #3); an iframe goes back to `about:blank` when its consent is withdrawn and
 * returns when granted again. A name that is neither a service nor a category is never granted
 * and warned about once. Returns a function that stops watching.
 */
export function installBlockedContent(kit: PrivacyKit, options: BlockedContentOptions = {}): () => void {
  const root = options.root ?? document;
  const { services, categories } = kit.config;
  const claimed = new WeakSet<Element>();
  const shown = new Set<HTMLIFrameElement>();
  const warned = new Set<string>();
  let queue = Promise.resolve();

  const nameOf = (el: HTMLElement) => {
    const name = (el.dataset.consent ?? '').trim();
    if (
      options.warnUnknown != false &&
      !Object.hasOwn(services, name) &&
      !Object.hasOwn(categories, name) &&
      !warned.has(name)
    ) {
      warned.add(name);
      console.warn(
        `privacy-kit: data-consent="${name}" names no service or category in the config; it stays blocked`,
      );
    }
    return name;
  };

  const scan = () => {
    // A script still being parsed may not have all its text yet: wait for the whole document.
    if (document.readyState == 'loading') return;
    for (const frame of shown) {
      if (!frame.isConnected || !kit.isGranted(nameOf(frame))) {
        shown.delete(frame);
        claimed.delete(frame);
        // Also a frame out of the page (a cached SPA view): put back, it must not load unasked.
        frame.src = 'about:blank';
      }
    }
    const ready: HTMLElement[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(SELECTOR)) {
      if (!claimed.has(el) && kit.isGranted(nameOf(el))) {
        claimed.add(el);
        // Claimed all the same: said once, and it never runs on this page.
        if (options.nonce && el instanceof HTMLScriptElement && el.nonce != options.nonce)
          console.warn('privacy-kit: not the nonce of the page, so not run:', el);
        else ready.push(el);
      }
    }
    for (const el of ready) {
      if (el instanceof HTMLScriptElement) {
        // Granted when queued, but an earlier script may load for a while: a withdrawal meanwhile
        // must still stop this one (and leave it to run once granted again).
        queue = queue.then(() =>
          el.isConnected && kit.isGranted(nameOf(el))
            ? runScript(el, () => kit.isGranted(nameOf(el)) || options.lateRun?.())
            : void claimed.delete(el),
        );
      } else {
        const src = el.dataset.src ?? '';
        // A sanitiser keeps data-* values as they are: a `javascript:` frame would run in this
        // origin. Only http(s), as <privacy-gate> (an anchor resolves it, and never throws).
        if (!/^https?:$/.test(Object.assign(document.createElement('a'), { href: src }).protocol)) {
          console.warn('privacy-kit: not http(s), not loaded:', src);
          continue;
        }
        if (el instanceof HTMLIFrameElement) shown.add(el);
        else el.removeAttribute('data-src');
        if (el.dataset.srcset) el.setAttribute('srcset', el.dataset.srcset);
        el.setAttribute('src', src);
      }
    }
  };

  const observer = new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => n instanceof Element))) scan();
  });
  const start = () => {
    scan();
    observer.observe(root, { childList: true, subtree: true });
  };
  const unsubscribe = kit.subscribe(scan);
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  return () => {
    unsubscribe();
    observer.disconnect();
    document.removeEventListener('DOMContentLoaded', start);
  };
}
