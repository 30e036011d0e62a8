/** Where keyboard focus is, through shadow roots, and keeping Tab inside a modal dialog. */

/** The focused element, looking through shadow roots; null when nothing (or the body) has focus. */
export function deepActiveElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el === document.body ? null : el;
}

/**
 * Handles Tab inside `container`: from its last visible control to its first, and Shift+Tab from
 * the first to the last. A modal `<dialog>` already makes the page behind it inert, but Chromium
 * lets Tab leave it for the browser's own controls, from where a keyboard user has to find the
 * way back. `active` is the focused element in the container's tree.
 */
export function keepTabInside(event: KeyboardEvent, container: Element, active: Element | null): void {
  if (event.key !== 'Tab') return;
  const controls = [
    ...container.querySelectorAll<HTMLElement>('button, input:not([disabled]), summary, a[href]'),
  ].filter((el) => el.checkVisibility());
  const first = controls[0];
  const last = controls[controls.length - 1];
  const wrapTo = event.shiftKey ? (active === first ? last : undefined) : active === last ? first : undefined;
  if (!wrapTo) return;
  event.preventDefault();
  wrapTo.focus();
}
