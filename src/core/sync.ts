/**
 * Cross-tab sync of decisions: BroadcastChannel, or the `storage` event where it is missing.
 * Only the message transport lives here; the store decides which decision wins.
 */

/** A decision (encoded cookie value) or a reset (`value: null`) made in another tab at `at`. */
export interface SyncMessage {
  readonly value: string | null;
  readonly at: number;
}

/** An open link to the other tabs of this site. */
export interface SyncLink {
  post(message: SyncMessage): void;
  close(): void;
}

/** What the transport needs from the page (injected so two stores can run side by side). */
export interface SyncEnvironment {
  readonly BroadcastChannel?: typeof BroadcastChannel | null | undefined;
  readonly window?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null | undefined;
  readonly localStorage?: Storage | null | undefined;
}

/**
 * Opens the channel `privacy-kit:<cookie name>`; what arrives goes to `receive` unchecked (it
 * comes from outside: the receiver validates it).
 */
export function openSync(
  cookieName: string,
  receive: (message: Partial<SyncMessage> | null) => void,
  env: SyncEnvironment,
): SyncLink {
  const key = 'privacy-kit:' + cookieName;
  const Channel = env.BroadcastChannel;
  if (Channel) {
    const channel = new Channel(key);
    channel.onmessage = (e) => receive(e.data);
    let open = true;
    // Posting on a closed channel throws: a decision after `destroy()` must still take effect here.
    return {
      post: (m) => open && channel.postMessage(m),
      close: () => ((open = false), channel.close()),
    };
  }
  const { window: target, localStorage: storage } = env;
  if (!target || !storage) return { post() {}, close() {} };
  // The storage event fires in every other document of the origin when the value changes.
  const listener = (e: Event) => {
    const { key: changed, newValue } = e as StorageEvent;
    if (changed !== key || !newValue) return;
    try {
      receive(JSON.parse(newValue));
    } catch {
      // Someone else's value under our key: ignore it.
    }
  };
  target.addEventListener('storage', listener);
  return {
    post(m) {
      try {
        storage.setItem(key, JSON.stringify(m));
      } catch {
        // Storage full or blocked: the other tabs read the cookie on their next load.
      }
    },
    close: () => target.removeEventListener('storage', listener),
  };
}
