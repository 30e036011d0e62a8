/** Mounting and driving `<privacy-newsletter>` against the fake server, as a visitor would. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { createNewsletterClient } from '../../src/core/newsletter.js';
import '../../src/elements/privacy-newsletter/index.js';
import type { NewsletterState, PrivacyNewsletter } from '../../src/elements/privacy-newsletter/index.js';
import { FakeNewsletterServer } from './fake-server.js';

export const REVISION = '2018-06-18';

/** Options of `mount`. */
export interface MountOptions {
  readonly lang?: string;
  readonly token?: string;
  readonly action?: string;
  readonly now?: () => number;
  readonly server?: FakeNewsletterServer;
}

/** Mounts the element with a client talking to a fake server. */
export async function mount(
  options: MountOptions = {},
): Promise<{ el: PrivacyNewsletter; server: FakeNewsletterServer }> {
  const server = options.server ?? new FakeNewsletterServer();
  // One clock for the page and the server: the mail limit and the element's countdowns agree.
  if (options.now) server.now = options.now;
  const client = createNewsletterClient({ endpoint: '/api/newsletter', fetch: server.fetch });
  const el = await fixture<PrivacyNewsletter>(html`
    <privacy-newsletter
      lang=${options.lang ?? 'nl'}
      revision=${REVISION}
      token=${options.token ?? nothing}
      action=${options.action ?? nothing}
      .client=${client}
      .now=${options.now ?? (() => Date.now())}
    ></privacy-newsletter>
  `);
  return { el, server };
}

/** Waits until the element reaches a state (it changes on server answers, not on a timer). */
export async function reach(el: PrivacyNewsletter, state: NewsletterState): Promise<void> {
  await waitUntil(() => el.state === state, `never reached "${state}" (stuck at "${el.state}")`, {
    timeout: 3000,
  });
  await el.updateComplete;
}

/** Presses "confirm" on the page a confirmation link opened. */
export async function confirmLink(el: PrivacyNewsletter): Promise<void> {
  await reach(el, 'confirm');
  $(el, '[part="confirm-button"]').click();
}

/** One element in the shadow root; fails the test when absent. */
export function $<T extends Element = HTMLElement>(el: PrivacyNewsletter, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <privacy-newsletter> (state ${el.state})`);
  return found;
}

/** The element focused inside the shadow root, if any. */
export function focused(el: PrivacyNewsletter): Element | null {
  return el.shadowRoot?.activeElement ?? null;
}

/** Types into the e-mail field like a visitor (an `input` event per change). */
export function typeEmail(el: PrivacyNewsletter, value: string): void {
  const input = $<HTMLInputElement>(el, '[part="email-input"]');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Fills in the form and submits it with clicks. */
export async function subscribe(
  el: PrivacyNewsletter,
  email: string,
  { consent = true, measure = false } = {},
): Promise<void> {
  typeEmail(el, email);
  if (consent) $<HTMLInputElement>(el, '[part="consent-checkbox"]').click();
  if (measure) $<HTMLInputElement>(el, '[part="measure-checkbox"]').click();
  await el.updateComplete;
  $(el, '[part="submit-button"]').click();
  await el.updateComplete;
}

/** Visible text of a part, whitespace collapsed. */
export function text(el: PrivacyNewsletter, selector: string): string {
  return ($(el, selector).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Registers an afterEach that puts back the page address and clears the tab's sessionStorage. */
export function restoreAddressAndTabAfterEach(): void {
  const original = location.href;
  afterEach(() => {
    history.replaceState(null, '', original);
    sessionStorage.clear();
  });
}
