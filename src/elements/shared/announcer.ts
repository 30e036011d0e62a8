/**
 * One polite live region for the whole page (`role="status"`), kept in the DOM so that screen
 * readers hear "Your choices were saved" even after the banner or dialog that made the decision
 * has gone. A region must exist before its text changes to be announced, so elements call
 * `ensureAnnouncer()` when they connect and `announce()` after a decision.
 */
import { LitElement, css, html } from 'lit';
import { defineElement } from './define.js';
import { visuallyHidden } from './styles.js';

/**
 * The page's live region for consent announcements. Visually hidden.
 * @tagname privacy-announcer
 * @summary Announces saved decisions to screen readers.
 */
export class PrivacyAnnouncer extends LitElement {
  static override properties = {
    message: { state: true },
    count: { state: true },
  };

  static override styles = css`
    :host {
      ${visuallyHidden}
      position: fixed;
      margin: -1px;
    }
  `;

  private message = '';
  private count = 0;

  /** Speaks `text` once, even when it equals the previous announcement. */
  say(text: string): void {
    this.message = text;
    this.count++;
  }

  override render() {
    // A fresh node per announcement (two templates take turns, so Lit replaces the node):
    // screen readers announce additions, and would skip a repeat of unchanged text.
    const text = this.count % 2 ? html`<span>${this.message}</span>` : html`<p>${this.message}</p>`;
    return html`<div role="status" aria-live="polite" part="status">${this.message ? text : ''}</div>`;
  }
}

const TAG = 'privacy-announcer';

/** Returns the page's announcer, creating it at the end of `<body>` if needed. */
export function ensureAnnouncer(): PrivacyAnnouncer {
  defineElement(TAG, PrivacyAnnouncer);
  let el = document.querySelector<PrivacyAnnouncer>(TAG);
  if (!el) {
    el = document.createElement(TAG) as PrivacyAnnouncer;
    document.body.append(el);
  }
  return el;
}

/** Announces `text` politely through the page's live region. */
export function announce(text: string): void {
  ensureAnnouncer().say(text);
}

/**
 * Announces what became of a decision: saved once the action returns the new state (at once, or
 * as a Promise while the script-tag loader fetches its decision code), not saved when it returns
 * none (that code could not be loaded), so a screen reader never hears "saved" for nothing.
 */
export function announceDecision(result: unknown, t: (key: string) => string): void {
  const say = (state: unknown) => announce(t(state ? 'common:saved' : 'common:notSaved'));
  if (result instanceof Promise) result.then(say, () => say(null));
  else say(result);
}

declare global {
  interface HTMLElementTagNameMap {
    'privacy-announcer': PrivacyAnnouncer;
  }
}
