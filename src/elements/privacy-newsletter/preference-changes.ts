/**
 * The switches' values while changes are on their way: what the server last answered, with each
 * switch the visitor changed since shown as they set it until that change's own answer. An answer
 * or a failure settles only the switch it was about, so two quick changes of different switches
 * never undo each other on screen (a failed one no longer restores a snapshot that predates the
 * other's success). Pure, no DOM.
 */
import type { NewsletterPreferences } from '../../core/newsletter.js';
import type { PreferenceKey } from './views.js';

export class PreferenceChanges {
  #stored: NewsletterPreferences | null = null;
  /** The visitor's latest value per switch not yet answered, with the change that asked it. */
  readonly #asked = new Map<PreferenceKey, { readonly value: boolean; readonly change: number }>();
  #changes = 0;
  /** The newest change whose answer set every switch; an older answer, arriving late, is stale. */
  #newestAnswer = 0;

  /** What the switches show: the server's answer, overlaid with the changes still on their way. */
  get shown(): NewsletterPreferences | null {
    if (!this.#stored) return null;
    let shown = this.#stored;
    for (const [key, { value }] of this.#asked) shown = { ...shown, [key]: value };
    return shown;
  }

  /** Preferences read afresh (a link opened, an unsubscribe): nothing is on its way any more. */
  reset(preferences: NewsletterPreferences): void {
    this.#stored = preferences;
    this.#asked.clear();
    this.#newestAnswer = this.#changes;
  }

  /** The visitor switched `key`; returns the change's number for its answer. */
  ask(key: PreferenceKey, value: boolean): number {
    const change = ++this.#changes;
    this.#asked.set(key, { value, change });
    return change;
  }

  /**
   * The server stored a change and answered all preferences as they were then. An answer that
   * overtook this one on the way back is newer: from this one only its own switch counts.
   */
  stored(change: number, key: PreferenceKey, preferences: NewsletterPreferences): void {
    if (change > this.#newestAnswer) {
      this.#newestAnswer = change;
      this.#stored = preferences;
    } else if (this.#stored) {
      this.#stored = { ...this.#stored, [key]: preferences[key] };
    }
    this.#settle(change, key);
  }

  /** A change was not stored: its switch shows the server's value again, unless a later change of it is on its way. */
  failed(change: number, key: PreferenceKey): void {
    this.#settle(change, key);
  }

  #settle(change: number, key: PreferenceKey): void {
    if (this.#asked.get(key)?.change === change) this.#asked.delete(key);
  }
}
