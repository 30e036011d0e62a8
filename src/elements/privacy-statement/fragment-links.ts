/**
 * In-document links for content rendered in a shadow root. The browser resolves `#id` against
 * the page's light DOM only, so a TOC link, a `#changes` link from the banner or a shared URL
 * would never reach a heading inside the statement. This controller does it instead: scrolls to
 * the target, moves focus there for keyboard and screen-reader users, and keeps the URL shareable.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export class FragmentLinks implements ReactiveController {
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  /** Click handler for the rendered content: follows `#id` links that point inside the shadow root. */
  readonly onClick = (event: MouseEvent): void => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    const href = link?.getAttribute('href');
    if (!href?.startsWith('#')) return;
    // The newsletter link leads to the form on the page, even where a section shares its id.
    const target = this.#target(href, link!.part.contains('newsletter-link'));
    if (!target) return; // An id in the page itself: the browser handles it.
    event.preventDefault();
    history.pushState(null, '', href);
    this.#reveal(target, true);
  };

  /**
   * Scrolls to the element named by the page URL's fragment, if it is inside the shadow root.
   * On first render focus stays where it is (the visitor did not ask to move); on a later
   * hash change it follows.
   */
  revealCurrentHash(focus: boolean): void {
    // The page's own `#id` (a page link, a shared URL) is the page's: the browser went there.
    const target = location.hash ? this.#target(location.hash, true) : null;
    if (target) this.#reveal(target, focus);
  }

  readonly #onHashChange = (): void => this.revealCurrentHash(true);

  /** The element `hash` names inside the statement; none when `pageFirst` and the page has it. */
  #target(hash: string, pageFirst = false): HTMLElement | null {
    let id = hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape: look the id up as written.
    }
    if (!id || (pageFirst && document.getElementById(id))) return null;
    return this.#host.shadowRoot?.getElementById(id) ?? null;
  }

  #reveal(target: HTMLElement, focus: boolean): void {
    target.scrollIntoView({ block: 'start' });
    if (focus) target.focus({ preventScroll: true });
  }
}
