/**
 * A Lit reactive controller that gives an element the consent API and re-renders it on every
 * consent change. Elements read state through it and call actions on `kit`; they never touch
 * cookies or vendor APIs themselves.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConsentState, PrivacyKit } from '../core/types.js';
import { getPrivacyKit, whenPrivacyKit } from './context.js';

export class ConsentController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * The consent API, or undefined until one is set up on the page. With the script-tag loader it
   * is `window.privacyKit`, whose actions may return a Promise (`PageDecision`): elements treat
   * an action's result as one (`announceDecision`, the gate awaits it).
   */
  get kit(): PrivacyKit | undefined {
    return getPrivacyKit() as PrivacyKit | undefined;
  }

  /** The visitor's current decision, or null. */
  get state(): ConsentState | null {
    return this.kit?.getConsent() ?? null;
  }

  hostConnected(): void {
    this.#connected = true;
    void whenPrivacyKit().then((kit) => {
      if (!this.#connected || this.#unsubscribe) return;
      this.#unsubscribe = kit.subscribe(() => this.#host.requestUpdate());
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
