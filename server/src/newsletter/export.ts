// The staff export of subscribers, as the mailing tool reads it to send an issue. Only hashes of
// tokens are stored, so no stored link can be handed out again: each export issues every
// confirmed subscriber on the page a fresh manage token, and the tool merges the links built from
// it into that subscriber's copy (the footer's unsubscribe link the statement promises, and the
// List-Unsubscribe header that makes the mail client's own button work).
import { mailLanguage, newsletterPage, oneClickLink, tokenLink } from '../mail/messages.js';
import type { Storage, SubscriberPage, SubscriberRecord } from '../storage/types.js';
import { issueManageToken, purgeBefore } from './tokens.js';

/** The links of one subscriber in one export, all carrying the same new manage token. */
export interface SubscriberLinks {
  /** The newsletter page that unsubscribes at once (the footer link). */
  readonly unsubscribeUrl: string;
  /** The newsletter page showing the subscriber's choices. */
  readonly manageUrl: string;
  /** The RFC 8058 one-click address for `List-Unsubscribe` (POST only). */
  readonly oneClickUrl: string;
}

/** One exported subscriber: links only for a confirmed one (nobody else gets an issue). */
export interface ExportedSubscriber {
  readonly subscriber: SubscriberRecord;
  readonly links: SubscriberLinks | null;
}

/** One page of the export, and whether another follows. */
export interface ExportPage {
  readonly subscribers: readonly ExportedSubscriber[];
  readonly more: boolean;
}

/** What the export is given. */
export interface SubscriberExportDeps {
  readonly storage: Storage;
  readonly publicUrl: () => string;
  readonly apiPrefix: string;
  readonly now: () => Date;
}

/**
 * Reads one page of subscribers with `status`. Only the mailing list (`confirmed`) gets links:
 * the other listings are for reading choices, such as objections of people who have left since.
 */
export type SubscriberExport = (
  status: SubscriberRecord['status'] | 'all',
  page: SubscriberPage & { readonly limit: number },
) => Promise<ExportPage>;

/** Creates the export. */
export function createSubscriberExport(deps: SubscriberExportDeps): SubscriberExport {
  return async (status, page) => {
    // One row more than the page tells whether there is a next page; it gets no link.
    const rows = await deps.storage.listSubscribers(status, { ...page, limit: page.limit + 1 });
    const records = rows.slice(0, page.limit);
    const at = deps.now();
    // A token per subscriber per export, valid as long as any manage link (MANAGE_TOKEN_DAYS,
    // a year): an issue's unsubscribe link keeps working for as long as a reader may open it.
    const issued = records.map((subscriber) =>
      status === 'confirmed' && subscriber.status === 'confirmed'
        ? issueManageToken(subscriber.id, at)
        : null,
    );
    await deps.storage.purgeExpiredTokens(purgeBefore(at));
    await deps.storage.addTokens(issued.flatMap((token) => (token ? [token.record] : [])));
    const publicUrl = deps.publicUrl();
    const subscribers = records.map((subscriber, i): ExportedSubscriber => {
      const token = issued[i]?.token;
      if (token === undefined) return { subscriber, links: null };
      const page = newsletterPage(publicUrl, mailLanguage(subscriber.language));
      return {
        subscriber,
        links: {
          unsubscribeUrl: tokenLink(page, token, 'unsubscribe'),
          manageUrl: tokenLink(page, token, 'manage'),
          oneClickUrl: oneClickLink(publicUrl, deps.apiPrefix, token),
        },
      };
    });
    return { subscribers, more: rows.length > page.limit };
  };
}
