/** Registering elements and firing their events the same way everywhere. */

/** Defines `tag` unless something (another copy of the library) already did. */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}

/** Fires a `privacy-*` CustomEvent that bubbles out of shadow roots; returns the event. */
export function fire<T>(host: EventTarget, type: `privacy-${string}`, detail: T): CustomEvent<T> {
  const event = new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
  host.dispatchEvent(event);
  return event;
}
