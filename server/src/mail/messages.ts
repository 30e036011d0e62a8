// The texts of the newsletter mails, Dutch and English. Plain text with direct links to the
// site: no tracking pixel, no redirecting click-tracker, nothing loaded from elsewhere.
import type { OutgoingMail } from './mailer.js';

/** Languages the mails are written in; anything else gets Dutch (the site's default). */
export type MailLanguage = 'nl' | 'en';

/** Picks the mail language from a subscriber's `language` (`en-GB` → `en`). */
export function mailLanguage(language: string | null): MailLanguage {
  return language?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** The site's newsletter page for that language, where the element handles `?token=&action=`. */
export function newsletterPage(publicUrl: string, language: MailLanguage): string {
  return language === 'en' ? `${publicUrl}/en/nieuwsbrief.html` : `${publicUrl}/nieuwsbrief.html`;
}

/** Builds a link to the newsletter page carrying a token and the action to take. */
export function tokenLink(page: string, token: string, action: 'confirm' | 'unsubscribe' | 'manage'): string {
  const url = new URL(page);
  url.searchParams.set('token', token);
  url.searchParams.set('action', action);
  return url.href;
}

/**
 * The RFC 8058 one-click address for a `List-Unsubscribe` header: the API itself, not the page,
 * because a mail client's unsubscribe button POSTs to it without opening a browser.
 * `apiPrefix` is where the newsletter routes live (e.g. `/api/newsletter`).
 */
export function oneClickLink(publicUrl: string, apiPrefix: string, token: string): string {
  const url = new URL(`${publicUrl}${apiPrefix}/unsubscribe/one-click`);
  url.searchParams.set('token', token);
  return url.href;
}

/**
 * The headers that make a mail client's own "unsubscribe" button work in one click (RFC 8058);
 * they must be covered by the mail's DKIM signature for Gmail and Yahoo to show the button.
 */
export function listUnsubscribeHeaders(oneClickUrl: string): Readonly<Record<string, string>> {
  return { 'List-Unsubscribe': `<${oneClickUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** What a confirmation mail needs. */
export interface ConfirmationMailInput {
  readonly to: string;
  readonly language: MailLanguage;
  readonly confirmUrl: string;
  readonly unsubscribeUrl: string;
  /** The same manage token as `unsubscribeUrl`, as the one-click API address. */
  readonly oneClickUrl: string;
  readonly validHours: number;
  /**
   * The choice the link confirms. Said in the mail because anyone can enter an address: the
   * person who opens the link sees what they agree to (whoever filled in the form last).
   */
  readonly measureOpens: boolean;
}

/** The double opt-in mail: the confirm link, and an unsubscribe link that works right away. */
export function confirmationMail(input: ConfirmationMailInput): OutgoingMail {
  const text =
    input.language === 'en'
      ? [
          'Hello,',
          '',
          'You (or someone else) entered this address to receive our monthly newsletter.',
          input.measureOpens
            ? 'With it, we may measure whether you open the newsletter and click its links.'
            : 'We will not measure whether you open the newsletter or click its links.',
          'You can change that after confirming.',
          `Please confirm within ${input.validHours} hours by opening this link:`,
          '',
          input.confirmUrl,
          '',
          'Did not ask for this? Then do nothing: without confirmation we send you no newsletter.',
          '',
          // The link unsubscribes as it opens: it must not promise a place to change choices.
          'Changed your mind? This link unsubscribes you at once:',
          input.unsubscribeUrl,
        ]
      : [
          'Goedendag,',
          '',
          'U (of iemand anders) heeft dit e-mailadres aangemeld voor onze maandelijkse nieuwsbrief.',
          input.measureOpens
            ? 'Daarbij mogen wij meten of u de nieuwsbrief opent en op links klikt.'
            : 'Wij meten niet of u de nieuwsbrief opent of op links klikt.',
          'Dat kunt u na het bevestigen wijzigen.',
          `Bevestig uw aanmelding binnen ${input.validHours} uur via deze link:`,
          '',
          input.confirmUrl,
          '',
          'Heeft u zich niet aangemeld? Dan hoeft u niets te doen: zonder bevestiging sturen we u geen nieuwsbrief.',
          '',
          'Toch geen nieuwsbrief? Via deze link meldt u zich direct af:',
          input.unsubscribeUrl,
        ];
  return {
    to: input.to,
    subject:
      input.language === 'en'
        ? 'Please confirm your newsletter subscription'
        : 'Bevestig uw aanmelding voor de nieuwsbrief',
    text: `${text.join('\n')}\n`,
    headers: listUnsubscribeHeaders(input.oneClickUrl),
  };
}

/** What an unsubscribe confirmation needs. */
export interface UnsubscribedMailInput {
  readonly to: string;
  readonly language: MailLanguage;
  /** The subscriber's manage link: to check the change or subscribe again. */
  readonly manageUrl: string;
}

/** Confirms an unsubscription; asks nothing, only says where to change one's mind. */
export function unsubscribedMail(input: UnsubscribedMailInput): OutgoingMail {
  const text =
    input.language === 'en'
      ? [
          'Hello,',
          '',
          'You have been unsubscribed from our newsletter. You will receive no more issues.',
          '',
          'Was this a mistake? Your preferences page:',
          input.manageUrl,
        ]
      : [
          'Goedendag,',
          '',
          'U bent afgemeld voor onze nieuwsbrief. U ontvangt geen nieuwe uitgaven meer.',
          '',
          'Was dit een vergissing? Uw voorkeuren vindt u hier:',
          input.manageUrl,
        ];
  return {
    to: input.to,
    subject: input.language === 'en' ? 'You have been unsubscribed' : 'U bent afgemeld voor de nieuwsbrief',
    text: `${text.join('\n')}\n`,
  };
}
