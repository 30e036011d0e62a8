/**
 * A reactive controller for "you can do this again in N seconds". Time comes from the `now`
 * function it is given (tests move a fake clock instead of sleeping); the interval only repaints
 * the number while a deadline lies ahead, and stops when it has passed or the host disconnects.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #now: () => number;
  #deadline = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, now: () => number) {
    this.#host = host;
    this.#now = now;
    host.addController(this);
  }

  /** Starts counting down `seconds` from now. */
  start(seconds: number): void {
    this.#deadline = this.#now() + seconds * 1000;
    this.#host.requestUpdate();
  }

  /** Whole seconds left (rounded up), 0 once the deadline has passed. */
  get secondsLeft(): number {
    return Math.max(0, Math.ceil((this.#deadline - this.#now()) / 1000));
  }

  hostUpdated(): void {
    const counting = this.secondsLeft > 0;
    if (counting && !this.#ticker) this.#ticker = setInterval(() => this.#host.requestUpdate(), 1000);
    if (!counting) this.hostDisconnected();
  }

  hostDisconnected(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }
}
