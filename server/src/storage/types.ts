// The storage seam of the reference server. Routes and the newsletter service talk only to this
// interface, so a PostgreSQL backend can sit next to SQLite with the same migrations and the same
// test suite (server/test/storage-suite.ts). Every method is atomic in its backend: callers never
// read-then-write to decide what to store.

/** How a consent decision was made; mirrors `ConsentMethod` in src/core/types.ts. */
export type ReceiptMethod = 'banner' | 'preferences' | 'api' | 'gpc' | 'gate';

/** One consent receipt as the HTTP contract receives it (mirrors `ConsentReceipt` in src/core). */
export interface ReceiptInput {
  readonly receiptId: string;
  readonly consentId: string;
  readonly revision: string;
  readonly granted: readonly string[];
  readonly denied: readonly string[];
  readonly method: ReceiptMethod;
  /** ISO 8601 time of the decision, normalised to UTC (`Date#toISOString()`). */
  readonly at: string;
  readonly userAgent?: string | undefined;
}

/** A receipt as stored: the input plus the time the server first received it. */
export interface StoredReceipt extends ReceiptInput {
  readonly receivedAt: string;
}

/** A place in the receipts export order (decision time, then receiptId). */
export interface ReceiptCursor {
  readonly at: string;
  readonly receiptId: string;
}

/**
 * Filter of the receipts export. Times are ISO 8601 UTC strings; `from` inclusive, `to` exclusive.
 * `after` and `limit` page through the result (keyset pagination: a page never repeats or skips a
 * row, however many are added meanwhile).
 */
export interface ReceiptFilter {
  readonly consentId?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Only receipts after this one in export order. */
  readonly after?: ReceiptCursor | undefined;
  /** At most this many receipts; all when undefined. */
  readonly limit?: number | undefined;
}

/** A place in the subscriber export order (creation time, then id). */
export interface SubscriberCursor {
  readonly createdAt: string;
  readonly id: string;
}

/** One page of subscribers: those after `after` in export order, at most `limit` of them. */
export interface SubscriberPage {
  readonly after?: SubscriberCursor | undefined;
  readonly limit?: number | undefined;
}

/** Outcome of storing a receipt: `duplicate` when that `receiptId` was already stored. */
export type InsertOutcome = 'stored' | 'duplicate';

/** Where a newsletter subscription stands. */
export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

/** One newsletter subscriber, as stored. */
export interface SubscriberRecord {
  readonly id: string;
  /** Normalised (trimmed, lower-case) address. */
  readonly email: string;
  readonly status: SubscriberStatus;
  readonly measureOpens: boolean;
  readonly objectMarketing: boolean;
  readonly objectResearch: boolean;
  readonly language: string | null;
  readonly consentId: string | null;
  /** Revision of the consent text the subscriber last agreed to or changed preferences under. */
  readonly revision: string;
  /**
   * Revision of the consent text of the subscription on record: that of the request whose
   * choices its confirmation link confirms (proof of what was subscribed to). Switch changes and
   * unsubscribing keep it; their own revisions are in their proof events.
   */
  readonly subscriptionRevision: string;
  /** The consent text shown when subscribing (proof of what was agreed to). */
  readonly consentText: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly confirmedAt: string | null;
  readonly unsubscribedAt: string | null;
}

/** Kinds of subscriber token: a confirmation link (48 h, used once) or a manage/unsubscribe link (a year). */
export type TokenKind = 'confirm' | 'manage';

/** A token as stored: only its SHA-256 hash, never the token itself. */
export interface TokenRecord {
  readonly hash: string;
  readonly subscriberId: string;
  readonly kind: TokenKind;
  readonly createdAt: string;
  /** When the link stops working; null never expires (the server issues no such token). */
  readonly expiresAt: string | null;
}

/** What a proof event records. */
export type SubscriberAction = 'subscribe' | 'resend' | 'confirm' | 'update' | 'unsubscribe';

/** Proof of one change: when, under which text revision, how, and what changed. */
export interface SubscriberEvent {
  readonly id: string;
  readonly subscriberId: string;
  readonly at: string;
  readonly action: SubscriberAction;
  readonly revision: string | null;
  /** How the change was made, e.g. `web-form`, `confirm-link`, `manage-link`. */
  readonly method: string;
  /** Changed values and context, stored as JSON. */
  readonly detail: Readonly<Record<string, string | boolean | null>>;
}

/** A subscription request (`POST /subscribe`), already validated and normalised. */
export interface SubscriptionRequest {
  readonly email: string;
  readonly revision: string;
  readonly consentText: string;
  readonly measureOpens: boolean;
  readonly language: string | null;
  readonly consentId: string | null;
  readonly at: string;
}

/** The preference fields a manage link may change. */
export interface SubscriberPatch {
  readonly status?: SubscriberStatus;
  readonly revision?: string;
  readonly measureOpens?: boolean;
  readonly objectMarketing?: boolean;
  readonly objectResearch?: boolean;
}

/** What a subscription request did: the subscriber after it, and whether its mail may go. */
export interface SubscriptionOutcome {
  readonly subscriber: SubscriberRecord;
  /** The confirmation mail was counted against the limit (and the request applied): send it. */
  readonly mailed: boolean;
}

/** What an update did: the subscriber after it, and the status it found, read in its transaction. */
export interface SubscriberUpdate {
  readonly subscriber: SubscriberRecord;
  /** The status before this update; of two concurrent unsubscribes, only one finds it not `unsubscribed`. */
  readonly previousStatus: SubscriberStatus;
}

/** The limit on confirmation mails to one address. */
export interface MailLimit {
  /** Least time between two mails to one address, in milliseconds. */
  readonly minIntervalMs: number;
  /** Most mails to one address per UTC day. */
  readonly maxPerDay: number;
}

/** A confirmation mail about to be sent: to whom, when, under which limit, with which links. */
export interface MailClaim {
  readonly subscriberId: string;
  /** ISO 8601 UTC time of the send. */
  readonly at: string;
  readonly limit: MailLimit;
  /** The mail's link tokens: stored only when the mail may go. */
  readonly tokens: readonly TokenRecord[];
  /** Proof event stored with them (e.g. a resend), only when the mail may go. */
  readonly event?: SubscriberEvent | undefined;
}

/** Storage of receipts and newsletter subscribers. Implementations: SQLite (default), PostgreSQL. */
export interface Storage {
  /** Stores a receipt unless its `receiptId` is already stored (decided by the database). */
  insertReceipt(receipt: ReceiptInput, receivedAt: string): Promise<InsertOutcome>;
  /** Receipts matching the filter, oldest decision first (ties by receiptId). */
  listReceipts(filter: ReceiptFilter): Promise<StoredReceipt[]>;

  /**
   * Records a subscription request and counts its confirmation mail, in one transaction. With a
   * `limit`, the mail is counted as `claimMail` does, at `request.at`; when the limit holds it
   * back, an existing subscriber is left exactly as it was (choices, links, events: the mail
   * already sent shows the choices on record, and its links must keep confirming them) and
   * `mailed` is false. Otherwise (or without a limit): creates a pending subscriber, or makes an
   * unsubscribed or still-pending one pending again with the new text and choices; when those
   * differ from the stored ones, the subscriber's open confirmation tokens are deleted (an older
   * link must not confirm choices someone posted later). A confirmed subscriber keeps their
   * stored preferences (a new request must not change them without confirmation) and gets no
   * event, as nothing changed. The tokens (the new mail's links) are stored only with its mail.
   */
  requestSubscription(
    request: SubscriptionRequest,
    tokens: readonly Omit<TokenRecord, 'subscriberId'>[],
    event: Omit<SubscriberEvent, 'subscriberId'>,
    limit?: MailLimit,
  ): Promise<SubscriptionOutcome>;
  /** The subscriber with that (normalised) address, or null. */
  findSubscriberByEmail(email: string): Promise<SubscriberRecord | null>;
  /**
   * Counts a confirmation mail against its address's limit, in one atomic step on the subscriber's
   * row (so concurrent requests and every instance share the count): when the last mail is at
   * least `minIntervalMs` old and fewer than `maxPerDay` went out that UTC day, records the send,
   * stores the tokens and the event, and returns true; otherwise changes nothing and returns false.
   */
  claimMail(claim: MailClaim): Promise<boolean>;
  /**
   * Undoes a claim whose mail could not be sent: its tokens and event are deleted and the mail no
   * longer counts against the limit, so the visitor's retry sends one. Safe to call once per claim.
   */
  releaseMail(claim: MailClaim): Promise<void>;
  /**
   * Stores tokens in one transaction, with their one event (e.g. a resent confirmation) when
   * given. The manage links the subscriber export hands out come without one: issuing a link
   * changes nothing the subscriber agreed to.
   */
  addTokens(tokens: readonly TokenRecord[], event?: SubscriberEvent): Promise<void>;
  /** The token with that hash and kind, with its subscriber, or null. */
  findToken(
    hash: string,
    kind: TokenKind,
  ): Promise<{ token: TokenRecord; subscriber: SubscriberRecord } | null>;
  /**
   * Confirms the subscription of `event.subscriberId` with one of its confirmation tokens, and
   * uses the confirmation up: that token and every other open confirmation token of the subscriber
   * are deleted in the same transaction that confirms (`confirmedAt` is this confirmation's time,
   * unless the subscriber was already confirmed: then it stays, as the revision does), stores the
   * new manage token and the event. Returns null, changing nothing, when the token is no longer
   * there (a concurrent request used it first): a confirmation link works once.
   */
  confirmSubscription(
    confirmTokenHash: string,
    manageToken: TokenRecord,
    event: SubscriberEvent,
  ): Promise<SubscriberRecord | null>;
  /**
   * Applies a patch and stores its event. Unsubscribing also removes every open confirmation
   * token (an old confirmation link must not silently re-subscribe) and every manage token but
   * `keepManageToken` (a hash): the link just used, which the unsubscribe mail repeats, keeps
   * showing the unsubscribed state; other copies of older links stop working. The subscriber is
   * read under the transaction's lock: `event`, when a function, is made from it (as found before
   * the patch), and the previous status is returned, so concurrent callers learn which of them
   * changed what (a read before the call cannot tell).
   */
  updateSubscriber(
    subscriberId: string,
    patch: SubscriberPatch,
    event: SubscriberEvent | ((before: SubscriberRecord) => SubscriberEvent),
    keepManageToken?: string,
  ): Promise<SubscriberUpdate>;
  /**
   * Deletes tokens that expired before `before` (any subscriber); returns how many. Safe to run
   * from several instances at once.
   */
  purgeExpiredTokens(before: string): Promise<number>;
  /**
   * Subscribers with that status (`all`: every status), oldest first (ties by id); one page of
   * them when `page` says so.
   */
  listSubscribers(status: SubscriberStatus | 'all', page?: SubscriberPage): Promise<SubscriberRecord[]>;
  /** The proof events of a subscriber, oldest first. */
  listSubscriberEvents(subscriberId: string): Promise<SubscriberEvent[]>;
  /** Releases the database (waits for nothing: callers stop sending work first). */
  close(): Promise<void>;
}
