// Confirmation mails (double opt-in): fresh links, counted against the address's mail limit in
// the database, then sent (a failed send is uncounted again). The limit holds for every server
// instance on the database and is invisible to the visitor: the caller answers the same whether
// the mail went, was held back by the limit, or (for resend) the address is unknown.
import type { Mailer } from '../mail/mailer.js';
import { confirmationMail, mailLanguage, newsletterPage, oneClickLink, tokenLink } from '../mail/messages.js';
import type {
  MailClaim,
  MailLimit,
  Storage,
  SubscriberEvent,
  SubscriberRecord,
  SubscriptionRequest,
  TokenRecord,
} from '../storage/types.js';
import {
  CONFIRM_TOKEN_HOURS,
  type LinkToken,
  issueConfirmToken,
  issueManageToken,
  purgeBefore,
} from './tokens.js';

/** What became of a confirmation mail. */
export type ConfirmationOutcome = 'sent' | 'limited' | 'failed';

/** What the confirmation mailer is given. */
export interface ConfirmationMailDeps {
  readonly storage: Storage;
  readonly mailer: Mailer;
  readonly publicUrl: () => string;
  readonly apiPrefix: string;
  readonly now: () => Date;
  readonly limit: MailLimit;
  readonly log: { error(obj: unknown, msg: string): void };
}

/** Confirmation mails: for a new request, or again to a known subscriber. */
export interface ConfirmationMailer {
  /**
   * Records a subscription request and its mail in one step (storage `requestSubscription`): the
   * request changes the subscriber only when the limit lets its mail go, so the links of a mail
   * already sent keep confirming what that mail showed until a newer mail replaces them.
   */
  subscribe(
    request: SubscriptionRequest,
    event: Omit<SubscriberEvent, 'subscriberId'>,
  ): Promise<ConfirmationOutcome>;
  /** Mails a known subscriber new links if the limit allows; `event` is stored with them. */
  resend(subscriber: SubscriberRecord, event?: SubscriberEvent): Promise<ConfirmationOutcome>;
}

/** Creates the mailer of confirmation links. */
export function createConfirmationMailer(deps: ConfirmationMailDeps): ConfirmationMailer {
  /** A mail's two links, for `subscriberId` ('' while the storage is yet to say whose). */
  async function issueLinks(subscriberId: string, at: Date): Promise<[LinkToken, LinkToken]> {
    // Each token write first clears tokens long expired, so the table holds no dead links.
    await deps.storage.purgeExpiredTokens(purgeBefore(at));
    return [issueConfirmToken(subscriberId, at), issueManageToken(subscriberId, at)];
  }

  /** Sends a claimed mail; a failure releases the claim. */
  async function send(
    subscriber: SubscriberRecord,
    [confirm, manage]: [LinkToken, LinkToken],
    claim: MailClaim,
  ): Promise<ConfirmationOutcome> {
    const language = mailLanguage(subscriber.language);
    const publicUrl = deps.publicUrl();
    const page = newsletterPage(publicUrl, language);
    try {
      await deps.mailer.send(
        confirmationMail({
          to: subscriber.email,
          language,
          confirmUrl: tokenLink(page, confirm.token, 'confirm'),
          unsubscribeUrl: tokenLink(page, manage.token, 'unsubscribe'),
          oneClickUrl: oneClickLink(publicUrl, deps.apiPrefix, manage.token),
          validHours: CONFIRM_TOKEN_HOURS,
          measureOpens: subscriber.measureOpens,
        }),
      );
      return 'sent';
    } catch (error) {
      deps.log.error({ err: error }, 'newsletter: the confirmation mail could not be sent');
      // A mail that never went must not use up the limit: the visitor's retry after the 503
      // would otherwise be held back without a word. Its links never reached anyone either.
      await deps.storage
        .releaseMail(claim)
        .catch((releaseError: unknown) =>
          deps.log.error({ err: releaseError }, 'newsletter: a failed mail could not be released'),
        );
      return 'failed';
    }
  }

  return {
    async subscribe(request, event) {
      const links = await issueLinks('', new Date(request.at));
      const records = links.map((link) => link.record);
      const { subscriber, mailed } = await deps.storage.requestSubscription(
        request,
        records,
        event,
        deps.limit,
      );
      if (!mailed) return 'limited';
      const tokens: TokenRecord[] = records.map((record) => ({ ...record, subscriberId: subscriber.id }));
      return send(subscriber, links, {
        subscriberId: subscriber.id,
        at: request.at,
        limit: deps.limit,
        tokens,
      });
    },

    async resend(subscriber, event) {
      const at = deps.now();
      const links = await issueLinks(subscriber.id, at);
      const claim = {
        subscriberId: subscriber.id,
        at: at.toISOString(),
        limit: deps.limit,
        tokens: links.map((link) => link.record),
        event,
      };
      if (!(await deps.storage.claimMail(claim))) return 'limited';
      return send(subscriber, links, claim);
    },
  };
}
