/**
 * Warnings about a page's own markup (a mistyped attribute): told once per page, not on every
 * render, so the console stays readable while the element keeps working around the mistake.
 */

const told = new Set<string>();

/** `console.warn(message)`, unless this very message was already logged on this page. */
export function warnOnce(message: string): void {
  if (told.has(message)) return;
  told.add(message);
  console.warn(message);
}
