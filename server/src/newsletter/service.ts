// Newsletter double opt-in and preferences, as the HTTP contract describes. The visitor is known
// only by a token from a mail link, never by address alone; every change stores proof (time,
// text revision, method). Answers about addresses are the same whether or not they are known.
import { randomUUID } from 'node:crypto';
import type { Mailer } from '../mail/mailer.js';
import { mailLanguage, newsletterPage, tokenLink, unsubscribedMail } from '../mail/messages.js';
import type {
  MailLimit,
  Storage,
  SubscriberAction,
  SubscriberEvent,
  SubscriberRecord,
  TokenRecord,
} from '../storage/types.js';
import { createConfirmationMailer } from './confirmation-mail.js';
import { type SubscriberExport, createSubscriberExport } from './export.js';
import { hashToken, issueManageToken, purgeBefore } from './tokens.js';

export { CONFIRM_TOKEN_HOURS, MANAGE_TOKEN_DAYS } from './tokens.js';

/** The preferences a visitor sees (contract `Preferences`); the address is masked. */
export interface Preferences {
  readonly status: SubscriberRecord['status'];
  readonly email: string;
  readonly measureOpens: boolean;
  readonly objectMarketing: boolean;
  readonly objectResearch: boolean;
  readonly updatedAt: string;
}

/** A failure the routes turn into an HTTP answer. */
export type NewsletterError = 'not_found' | 'expired' | 'unavailable';

/** Result of a newsletter operation. */
export type NewsletterResult<T> = { ok: true; value: T } | { ok: false; error: NewsletterError };

/** `POST /subscribe` body, validated by the route schema. */
export interface SubscribeInput {
  readonly email: string;
  readonly revision: string;
  readonly consentText: string;
  readonly measureOpens: boolean;
  readonly language?: string;
  readonly consentId?: string;
}

/** `PUT /preferences` body minus the token. */
export interface PreferencesUpdate {
  readonly revision: string;
  readonly measureOpens?: boolean;
  readonly objectMarketing?: boolean;
  readonly objectResearch?: boolean;
  /** The visitor's consent id, kept with the proof of the change. */
  readonly consentId?: string;
}

/** Proof kept with an unsubscription: the text revision shown, the consent id, how it was made. */
export interface UnsubscribeProof {
  readonly revision?: string | undefined;
  readonly consentId?: string | undefined;
  /** `manage-link` (the page, default) or `one-click` (a mail client's button, RFC 8058). */
  readonly method?: 'manage-link' | 'one-click';
}

/** The operations behind the newsletter routes. */
export interface NewsletterService {
  subscribe(input: SubscribeInput): Promise<NewsletterResult<void>>;
  /** Always ok at once; the mail (to a pending address only, within the limit) follows. */
  resend(email: string): Promise<NewsletterResult<void>>;
  confirm(
    token: string,
    consentId?: string,
  ): Promise<NewsletterResult<{ preferences: Preferences; manageToken: string }>>;
  preferences(token: string): Promise<NewsletterResult<{ preferences: Preferences }>>;
  update(token: string, update: PreferencesUpdate): Promise<NewsletterResult<{ preferences: Preferences }>>;
  unsubscribe(
    token: string,
    proof?: UnsubscribeProof,
  ): Promise<NewsletterResult<{ preferences: Preferences }>>;
  /** The newsletter page for a manage token, in its subscriber's language (unknown: Dutch). */
  managePage(token: string): Promise<string>;
  /** Resolves once the mails sent in the background (resends, goodbyes) are done (call before closing). */
  drain(): Promise<void>;
  /** Subscribers for the staff export, one page at a time, the confirmed ones with fresh links. */
  exportSubscribers: SubscriberExport;
}

/** What the service is given. */
export interface NewsletterDeps {
  readonly storage: Storage;
  readonly mailer: Mailer;
  /** The site's base URL for mail links (asked at each mail: it may be known only once listening). */
  readonly publicUrl: () => string;
  /** Where the newsletter routes live (`/api/newsletter`), for the one-click unsubscribe link. */
  readonly apiPrefix: string;
  readonly now?: () => Date;
  /** The limit on confirmation mails per address. */
  readonly mailLimit: MailLimit;
  readonly log: { error(obj: unknown, msg: string): void };
}

/** `jane@example.org` → `j***@example.org`: enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, Math.min(1, at))}***${email.slice(at)}`;
}

/** The contract view of a subscriber. */
export function toPreferences(subscriber: SubscriberRecord): Preferences {
  return {
    status: subscriber.status,
    email: maskEmail(subscriber.email),
    measureOpens: subscriber.measureOpens,
    objectMarketing: subscriber.objectMarketing,
    objectResearch: subscriber.objectResearch,
    updatedAt: subscriber.updatedAt,
  };
}

/** Lower-cases and trims an address, so `Jane@Example.org ` and `jane@example.org` are one subscriber. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates the newsletter service. */
export function createNewsletterService(deps: NewsletterDeps): NewsletterService {
  const now = deps.now ?? (() => new Date());

  const event = (
    subscriberId: string,
    action: SubscriberAction,
    method: string,
    revision: string | null,
    detail: SubscriberEvent['detail'],
  ): SubscriberEvent => ({
    id: randomUUID(),
    subscriberId,
    at: now().toISOString(),
    action,
    revision,
    method,
    detail,
  });

  const manageToken = (subscriberId: string) => issueManageToken(subscriberId, now());
  // Work done after its answer has been written, awaited by drain() before shutdown. It starts on
  // the next turn of the event loop: better-sqlite3 runs queries synchronously, so even the lookup
  // and the mail's claim would otherwise run before the answer goes out. `failure` is logged.
  const background = new Set<Promise<void>>();
  const inBackground = (failure: string, work: () => Promise<void>): void => {
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => deps.log.error({ err: error }, `newsletter: ${failure}`))
      .finally(() => background.delete(task));
    background.add(task);
  };

  const confirmationMails = createConfirmationMailer({ ...deps, now, limit: deps.mailLimit });

  /** Finds the subscriber behind a token that has not expired. */
  async function resolve(
    token: string,
    kind: TokenRecord['kind'],
  ): Promise<NewsletterResult<SubscriberRecord>> {
    const found = await deps.storage.findToken(hashToken(token), kind);
    if (!found) return { ok: false, error: 'not_found' };
    if (found.token.expiresAt !== null && found.token.expiresAt <= now().toISOString())
      return { ok: false, error: 'expired' };
    return { ok: true, value: found.subscriber };
  }

  return {
    async subscribe(input) {
      const at = now().toISOString();
      // The request and its mail are one step: a request the limit holds back changes nothing.
      const outcome = await confirmationMails.subscribe(
        {
          email: normaliseEmail(input.email),
          revision: input.revision,
          consentText: input.consentText,
          measureOpens: input.measureOpens,
          language: input.language ?? null,
          consentId: input.consentId ?? null,
          at,
        },
        {
          id: randomUUID(),
          at,
          action: 'subscribe',
          revision: input.revision,
          method: 'web-form',
          detail: {
            consentText: input.consentText,
            measureOpens: input.measureOpens,
            consentId: input.consentId ?? null,
          },
        },
      );
      // Held back by the mail limit or sent: the same answer (no leak). Failed: the form may retry.
      return outcome === 'failed' ? { ok: false, error: 'unavailable' } : { ok: true, value: undefined };
    },

    async resend(rawEmail) {
      // Answered before anything is looked up: only a pending address gets a mail, and waiting for
      // it would tell by the answer's timing which addresses are pending. Failures are logged.
      inBackground('a resend failed', async () => {
        const subscriber = await deps.storage.findSubscriberByEmail(normaliseEmail(rawEmail));
        if (!subscriber || subscriber.status !== 'pending') return;
        await confirmationMails.resend(subscriber, event(subscriber.id, 'resend', 'web-form', null, {}));
      });
      return { ok: true, value: undefined };
    },

    async drain() {
      while (background.size > 0) await Promise.all(background);
    },

    async confirm(token, consentId) {
      const found = await resolve(token, 'confirm');
      if (!found.ok) return found;
      const manage = manageToken(found.value.id);
      await deps.storage.purgeExpiredTokens(purgeBefore(now()));
      // One manage token per confirmation: the confirmation token is used up in the same step.
      const subscriber = await deps.storage.confirmSubscription(
        hashToken(token),
        manage.record,
        event(found.value.id, 'confirm', 'confirm-link', found.value.revision, {
          consentId: consentId ?? null,
        }),
      );
      if (!subscriber) return { ok: false, error: 'not_found' };
      return { ok: true, value: { preferences: toPreferences(subscriber), manageToken: manage.token } };
    },

    async preferences(token) {
      const found = await resolve(token, 'manage');
      if (!found.ok) return found;
      return { ok: true, value: { preferences: toPreferences(found.value) } };
    },

    async update(token, update) {
      const found = await resolve(token, 'manage');
      if (!found.ok) return found;
      const detail: Record<string, boolean> = {};
      if (update.measureOpens !== undefined) detail.measureOpens = update.measureOpens;
      if (update.objectMarketing !== undefined) detail.objectMarketing = update.objectMarketing;
      if (update.objectResearch !== undefined) detail.objectResearch = update.objectResearch;
      const { subscriber } = await deps.storage.updateSubscriber(
        found.value.id,
        { revision: update.revision, ...detail },
        event(found.value.id, 'update', 'manage-link', update.revision, {
          ...detail,
          consentId: update.consentId ?? null,
        }),
      );
      return { ok: true, value: { preferences: toPreferences(subscriber) } };
    },

    async unsubscribe(token, { revision, consentId, method = 'manage-link' } = {}) {
      const found = await resolve(token, 'manage');
      if (!found.ok) return found;
      // The status comes from inside the update's transaction: of two unsubscribes at once (two
      // tabs, the page and the mail client's button) both may have found "confirmed" above, but
      // only one ends the subscription, records it as such and sends the mail.
      const { subscriber, previousStatus } = await deps.storage.updateSubscriber(
        found.value.id,
        { status: 'unsubscribed', ...(revision === undefined ? {} : { revision }) },
        (before) =>
          event(found.value.id, 'unsubscribe', method, revision ?? null, {
            previousStatus: before.status,
            consentId: consentId ?? null,
          }),
        // This link stays valid: the unsubscribe mail repeats it to show the state and offer to
        // subscribe again. Every other manage link of the subscriber is revoked.
        hashToken(token),
      );
      // The unsubscription is stored: its answer waits neither for a slow mail relay (the visitor's
      // request would time out on something already done) nor for a failure, which is only logged.
      if (previousStatus !== 'unsubscribed') {
        const language = mailLanguage(subscriber.language);
        const manageUrl = tokenLink(newsletterPage(deps.publicUrl(), language), token, 'manage');
        inBackground('the unsubscribe mail could not be sent', () =>
          deps.mailer.send(unsubscribedMail({ to: subscriber.email, language, manageUrl })),
        );
      }
      return { ok: true, value: { preferences: toPreferences(subscriber) } };
    },

    async managePage(token) {
      const found = await resolve(token, 'manage');
      const language = mailLanguage(found.ok ? found.value.language : null);
      return tokenLink(newsletterPage(deps.publicUrl(), language), token, 'manage');
    },

    exportSubscribers: createSubscriberExport({ ...deps, now }),
  };
}
