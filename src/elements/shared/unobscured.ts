/**
 * Keeps a fixed bar (the banner, the floating settings button) from hiding the element that has
 * keyboard focus — WCAG 2.2 "Focus Not Obscured" (2.4.11). While the bar shows:
 *  - `scroll-padding` on `<html>` makes the browser's own focus scrolling stop short of the bar;
 *  - for a bottom bar, as much extra space at the end of the page as the bar is high, so even
 *    the last link on the page can scroll clear of it (added at the end: nothing above moves,
 *    so no layout shift);
 *  - on every focus change, if the focused element still sits under the bar, the page scrolls
 *    by the overlap.
 * The rules live in a constructed stylesheet adopted by the document, which CSP `style-src 'self'`
 * allows (an inline style attribute would be refused).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Edge = 'top' | 'bottom';
const GAP = 8;

/** A Lit controller: call `sync()` after each render with the bar element (or null when hidden). */
export class UnobscuredController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #sheet = new CSSStyleSheet();
  readonly #resize = new ResizeObserver(() => this.#apply());
  #bar: HTMLElement | null = null;
  #edge: Edge = 'bottom';
  /** The page's scrollY when a pointer went down on the bar, else -1 (see #onFocus). */
  #pointerY = -1;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Starts guarding `bar` on `edge`, or stops when `bar` is null. */
  sync(bar: HTMLElement | null, edge: Edge): void {
    if (bar === this.#bar && edge === this.#edge) return;
    this.#stop();
    this.#bar = bar;
    this.#edge = edge;
    if (!bar) return;
    this.#resize.observe(bar);
    bar.addEventListener('pointerdown', this.#onPointerDown);
    document.addEventListener('focusin', this.#onFocus, true);
    if (!document.adoptedStyleSheets.includes(this.#sheet)) {
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.#sheet];
    }
    this.#apply();
  }

  hostDisconnected(): void {
    this.#stop();
    this.#bar = null;
  }

  #stop(): void {
    this.#resize.disconnect();
    this.#bar?.removeEventListener('pointerdown', this.#onPointerDown);
    document.removeEventListener('focusin', this.#onFocus, true);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.#sheet);
  }

  #apply(): void {
    const bar = this.#bar;
    if (!bar) return;
    // How far into the viewport it reaches from its edge (a bar is flush with it; a corner button
    // stands off it by an inset).
    const box = bar.getBoundingClientRect();
    const height = box.height && Math.ceil(this.#edge === 'bottom' ? innerHeight - box.top : box.bottom);
    const rules = [`html { scroll-padding-${this.#edge}: ${height + GAP}px; }`];
    // A top bar needs the room at the start of the page: at scrollY 0 nothing can scroll out from under it.
    rules.push(`html { padding-${this.#edge}: ${height}px; }`);
    this.#sheet.replaceSync(rules.join('\n'));
  }

  readonly #onPointerDown = (): void => {
    this.#pointerY = scrollY;
  };

  readonly #onFocus = (event: FocusEvent): void => {
    const bar = this.#bar;
    const target = event.composedPath()[0];
    const y = this.#pointerY;
    this.#pointerY = -1;
    if (event.composedPath().includes(this.#host)) {
      // Chromium scrolls the page to the end when a click focuses a button of the fixed bar (the
      // scroll-padding makes it look hidden): the reader stays where they were.
      if (y >= 0) scrollTo({ top: y, behavior: 'instant' });
      return;
    }
    if (!bar || !(target instanceof Element)) return;
    const box = target.getBoundingClientRect();
    const barBox = bar.getBoundingClientRect();
    if (this.#edge === 'bottom' && box.bottom > barBox.top) {
      window.scrollBy({ top: box.bottom - barBox.top + GAP, behavior: 'instant' });
    } else if (this.#edge === 'top' && box.top < barBox.bottom) {
      window.scrollBy({ top: box.top - barBox.bottom - GAP, behavior: 'instant' });
    }
  };
}
