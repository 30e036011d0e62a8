// Confirmation mails (double opt-in): fresh links, counted against the address's mail limit in
// the database, then sent (a failed send is uncounted again). The limit holds for every server instance on the database and is
// invisible to the visitor: the caller answers the same whether the mail went, was held back by
// the limit, or (for resend) the address is unknown.
import type { Mailer } from '../mail/mailer.js';
import { confirmationMail, mailLanguage, newsletterPage, oneClickLink, tokenLink } from '../mail/messages.js';
import type { MailLimit, Storage, SubscriberEvent, SubscriberRecord } from '../storage/types.js';
import { CONFIRM_TOKEN_HOURS, issueConfirmToken, issueManageToken, purgeBefore } from './tokens.js';

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

/** Sends a subscriber a confirmation mail if the limit allows; `event` is stored with its links. */
export type SendConfirmation = (
  subscriber: SubscriberRecord,
  event?: SubscriberEvent,
) => Promise<ConfirmationOutcome>;

/** Creates the function that mails confirmation links. */
export function createConfirmationMailer(deps: ConfirmationMailDeps): SendConfirmation {
  return async (subscriber, event) => {
    const at = deps.now();
    const confirm = issueConfirmToken(subscriber.id, at);
    const manage = issueManageToken(subscriber.id, at);
    // Each token write first clears tokens long expired, so the table holds no dead links.
    await deps.storage.purgeExpiredTokens(purgeBefore(at));
    const claim = {
      subscriberId: subscriber.id,
      at: at.toISOString(),
      limit: deps.limit,
      tokens: [confirm.record, manage.record],
      event,
    };
    const allowed = await deps.storage.claimMail(claim);
    if (!allowed) return 'limited';
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
  };
}
