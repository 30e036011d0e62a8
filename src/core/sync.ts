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

const isMessage = (m: unknown): m is SyncMessage =>
  typeof m === 'object' && m !== null && typeof (m as SyncMessage).at === 'number' &&
  (typeof (m as SyncMessage).value === 'string' || (m as SyncMessage).value === null);

/** Opens the channel `privacy-kit:<cookie name>`; messages from other tabs go to `receive`. */
export function openSync(cookieName: string, receive: (message: SyncMessage) => void, env: SyncEnvironment): SyncLink {
  const key = 'privacy-kit:' + cookieName;
  const Channel = env.BroadcastChannel;
  if (Channel) {
    const channel = new Channel(key);
    channel.onmessage = (e: MessageEvent<unknown>) => isMessage(e.data) && receive(e.data);
    return { post: (m) => channel.postMessage(m), close: () => channel.close() };
  }
  const { window: target, localStorage: storage } = env;
  if (!target || !storage) return { post() {}, close() {} };
  // The storage event fires in every other document of the origin when the value changes.
  const listener = (e: Event) => {
    const { key: changed, newValue } = e as StorageEvent;
    if (changed !== key || !newValue) return;
    try {
      const message: unknown = JSON.parse(newValue);
      if (isMessage(message)) receive(message);
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
