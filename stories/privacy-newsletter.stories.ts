/**
 * `<privacy-newsletter>` in every state, in Dutch and English. The backend is the in-memory fake
 * used by the tests (a `fetch` function speaking the README's HTTP contract); states that follow a
 * visitor's action are reached by a `play` function that fills in the form.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createNewsletterClient } from '../src/core/newsletter.js';
import '../src/elements/privacy-newsletter/index.js';
import type { PrivacyNewsletter } from '../src/elements/privacy-newsletter/index.js';
import { FakeNewsletterServer, type Breakage } from '../test/newsletter/fake-server.js';

interface Args {
  lang: 'nl' | 'en';
}

/** How a story prepares the fake backend and which token the page was opened with. */
interface Setup {
  readonly token?: (server: FakeNewsletterServer) => string;
  readonly action?: string;
  readonly breakages?: readonly Breakage[];
  readonly offline?: boolean;
  readonly mailFails?: boolean;
}

function render(setup: Setup = {}) {
  return ({ lang }: Args) => {
    const server = new FakeNewsletterServer();
    if (setup.breakages) server.breakNext(...setup.breakages);
    if (setup.offline) server.offline = true;
    if (setup.mailFails) server.mailFails = true;
    const client = createNewsletterClient({ endpoint: '/api/newsletter', fetch: server.fetch });
    const token = setup.token?.(server);
    return html`<privacy-newsletter
      lang=${lang}
      revision="2018-06-18"
      .client=${client}
      .token=${token}
      .action=${setup.action}
    ></privacy-newsletter>`;
  };
}

function newsletterIn(canvas: HTMLElement): PrivacyNewsletter {
  const el = canvas.querySelector('privacy-newsletter');
  if (!el) throw new Error('no <privacy-newsletter> in the story');
  return el;
}

/** Fills in and submits the form the way a visitor would. */
function fillIn(email: string, consent = true) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const el = newsletterIn(canvasElement);
    await el.updateComplete;
    const root = el.shadowRoot;
    const input = root?.querySelector<HTMLInputElement>('[part="email-input"]');
    if (!input) return;
    input.value = email;
    input.dispatchEvent(new Event('input'));
    if (consent) root?.querySelector<HTMLInputElement>('[part="consent-checkbox"]')?.click();
    await el.updateComplete;
    root?.querySelector<HTMLButtonElement>('[part="submit-button"]')?.click();
  };
}

const meta: Meta<Args> = {
  title: 'Elements/privacy-newsletter',
  component: 'privacy-newsletter',
  args: { lang: 'nl' },
  argTypes: { lang: { control: 'inline-radio', options: ['nl', 'en'] } },
  render: render(),
};
export default meta;

type Story = StoryObj<Args>;
const english = { args: { lang: 'en' } } as const;

export const Subscribe: Story = {};
export const SubscribeEnglish: Story = { ...english };

export const InvalidInput: Story = { play: fillIn('jan@voorbeeld', false) };
export const InvalidInputEnglish: Story = { ...english, play: fillIn('jan@example', false) };

export const CheckYourInbox: Story = { play: fillIn('jan@voorbeeld.nl') };
export const CheckYourInboxEnglish: Story = { ...english, play: fillIn('jan@example.org') };

/** Presses the confirmation link's button, as the visitor does (the page load alone confirms nothing). */
async function pressConfirm({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const el = newsletterIn(canvasElement);
  const button = () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part="confirm-button"]');
  for (let i = 0; i < 50 && !button(); i++) await new Promise((r) => setTimeout(r, 20));
  button()?.click();
}

const confirmLink: Setup = { token: (s) => s.addPending('jan@voorbeeld.nl'), action: 'confirm' };
export const ConfirmLink: Story = { render: render(confirmLink) };
export const ConfirmLinkEnglish: Story = { ...english, render: render(confirmLink) };
export const Confirmed: Story = { render: render(confirmLink), play: pressConfirm };
export const ConfirmedEnglish: Story = { ...english, render: render(confirmLink), play: pressConfirm };

const manageLink: Setup = {
  token: (s) => s.addSubscriber('jan@voorbeeld.nl', { measureOpens: true, objectMarketing: true }),
};
export const Manage: Story = { render: render(manageLink) };
export const ManageEnglish: Story = { ...english, render: render(manageLink) };

const unsubscribeLink: Setup = { token: (s) => s.addSubscriber('jan@voorbeeld.nl'), action: 'unsubscribe' };
export const Unsubscribed: Story = { render: render(unsubscribeLink) };
export const UnsubscribedEnglish: Story = { ...english, render: render(unsubscribeLink) };

const expiredLink: Setup = {
  token: (s) => {
    const token = s.addPending('jan@voorbeeld.nl');
    s.expiredTokens.add(token);
    return token;
  },
  action: 'confirm',
};
export const ExpiredLink: Story = { render: render(expiredLink), play: pressConfirm };
export const ExpiredLinkEnglish: Story = { ...english, render: render(expiredLink), play: pressConfirm };

const unknownLink: Setup = { token: () => 'confirm-unknown', action: 'confirm' };
export const UnknownLink: Story = { render: render(unknownLink), play: pressConfirm };
export const UnknownLinkEnglish: Story = { ...english, render: render(unknownLink), play: pressConfirm };

/** An unsubscribe link that no longer works: most likely they are already off the list. */
const deadUnsubscribeLink: Setup = { token: () => 'manage-unknown', action: 'unsubscribe' };
export const DeadUnsubscribeLink: Story = { render: render(deadUnsubscribeLink) };
export const DeadUnsubscribeLinkEnglish: Story = { ...english, render: render(deadUnsubscribeLink) };

const serverError: Setup = { breakages: [{ status: 500 }] };
export const ServerError: Story = { render: render(serverError), play: fillIn('jan@voorbeeld.nl') };
export const ServerErrorEnglish: Story = {
  ...english,
  render: render(serverError),
  play: fillIn('jan@example.org'),
};

/** The mail relay refused the confirmation mail: 503, and "try again" counts down the minute asked. */
const mailNotSent: Setup = { mailFails: true };
export const MailNotSent: Story = { render: render(mailNotSent), play: fillIn('jan@voorbeeld.nl') };
export const MailNotSentEnglish: Story = {
  ...english,
  render: render(mailNotSent),
  play: fillIn('jan@example.org'),
};

const offline: Setup = { offline: true };
export const Offline: Story = { render: render(offline), play: fillIn('jan@voorbeeld.nl') };
export const OfflineEnglish: Story = { ...english, render: render(offline), play: fillIn('jan@example.org') };

const rateLimited: Setup = { breakages: [{ status: 429, headers: { 'Retry-After': '30' } }] };
export const RateLimited: Story = { render: render(rateLimited), play: fillIn('jan@voorbeeld.nl') };
export const RateLimitedEnglish: Story = {
  ...english,
  render: render(rateLimited),
  play: fillIn('jan@example.org'),
};

const loading: Setup = { token: (s) => s.addSubscriber('jan@voorbeeld.nl'), breakages: ['hang'] };
export const Loading: Story = { render: render(loading) };
export const LoadingEnglish: Story = { ...english, render: render(loading) };

/** No endpoint configured: the element says the newsletter is unavailable (and logs why). */
const renderUnconfigured = ({ lang }: Args) =>
  html`<privacy-newsletter lang=${lang} revision="2018-06-18"></privacy-newsletter>`;
export const Unavailable: Story = { render: renderUnconfigured, play: fillIn('jan@voorbeeld.nl') };
export const UnavailableEnglish: Story = {
  ...english,
  render: renderUnconfigured,
  play: fillIn('jan@example.org'),
};
