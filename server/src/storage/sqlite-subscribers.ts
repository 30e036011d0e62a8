// The newsletter half of the SQLite storage: subscribers, their tokens and proof events. Every
// write is one IMMEDIATE transaction: it takes the database's write lock before its first read,
// so a second process on the same file waits (sqlite-busy.ts) instead of failing half-way with
// SQLITE_BUSY_SNAPSHOT when its read snapshot went stale before it wrote.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  type EventRow,
  type SubscriberRow,
  type TokenRow,
  bit,
  choicesDiffer,
  eventValues,
  mailCountValues,
  subscriberUpdateValues,
  toSubscriber,
  toSubscriberEvent,
  toToken,
} from './rows.js';
import type {
  MailClaim,
  MailLimit,
  Storage,
  SubscriberEvent,
  SubscriberPatch,
  SubscriberRecord,
  SubscriberUpdate,
  SubscriptionOutcome,
  SubscriptionRequest,
  TokenRecord,
} from './types.js';

/** Runs `work` as an immediate transaction in the write queue, with the backend's error mapping. */
export type Write = <A extends unknown[], R>(work: (...args: A) => R) => (...args: A) => Promise<R>;

/** The subscriber methods of Storage on one open database; `guard` runs a read, waiting out a busy database. */
export function sqliteSubscribers(
  db: Database.Database,
  write: Write,
  guard: <T>(work: () => T) => Promise<T>,
): Omit<Storage, 'insertReceipt' | 'listReceipts' | 'close'> {
  const insertSubscriber = db.prepare(
    `INSERT INTO subscribers (id, email, status, measure_opens, language, consent_id, revision, subscription_revision,
       consent_text, created_at, updated_at)
     VALUES (@id, @email, 'pending', @measureOpens, @language, @consentId, @revision, @revision, @consentText, @at, @at)`,
  );
  const reopenSubscriber = db.prepare(
    `UPDATE subscribers SET status = 'pending', measure_opens = @measureOpens, language = @language,
       consent_id = @consentId, revision = @revision, subscription_revision = @revision,
       consent_text = @consentText, updated_at = @at
     WHERE id = @id`,
  );
  const subscriberByEmail = db.prepare<[string], SubscriberRow>('SELECT * FROM subscribers WHERE email = ?');
  const subscriberById = db.prepare<[string], SubscriberRow>('SELECT * FROM subscribers WHERE id = ?');
  const insertToken = db.prepare(
    'INSERT INTO subscriber_tokens (token_hash, subscriber_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const tokenByHash = db.prepare<[string, string], TokenRow>(
    'SELECT * FROM subscriber_tokens WHERE token_hash = ? AND kind = ?',
  );
  const deleteConfirmTokens = db.prepare(
    "DELETE FROM subscriber_tokens WHERE subscriber_id = ? AND kind = 'confirm'",
  );
  const useConfirmToken = db.prepare(
    "DELETE FROM subscriber_tokens WHERE token_hash = ? AND subscriber_id = ? AND kind = 'confirm'",
  );
  const deleteOtherManageTokens = db.prepare(
    "DELETE FROM subscriber_tokens WHERE subscriber_id = ? AND kind = 'manage' AND token_hash IS NOT ?",
  );
  const deleteExpiredTokens = db.prepare('DELETE FROM subscriber_tokens WHERE expires_at < ?');
  const insertEvent = db.prepare(
    'INSERT INTO subscriber_events (id, subscriber_id, at, action, revision, method, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const confirm = db.prepare(
    `UPDATE subscribers SET status = 'confirmed',
       confirmed_at = CASE WHEN status = 'confirmed' THEN confirmed_at ELSE @at END,
       unsubscribed_at = NULL, updated_at = @at WHERE id = @id`,
  );
  const countMail = db.prepare(
    `UPDATE subscribers SET last_mail_at = @at, mail_day = @day,
       mails_on_day = CASE WHEN mail_day = @day THEN mails_on_day + 1 ELSE 1 END
     WHERE id = @id AND (last_mail_at IS NULL OR last_mail_at <= @latestPrevious)
       AND (mail_day IS NULL OR mail_day <> @day OR mails_on_day < @maxPerDay)`,
  );
  // The claim passed the interval check, so the mail before it is at least an interval old:
  // forgetting last_mail_at gives every later check the same answer that time would.
  const uncountMail = db.prepare(
    `UPDATE subscribers SET
       mails_on_day = CASE WHEN mail_day = @day AND mails_on_day > 0 THEN mails_on_day - 1 ELSE mails_on_day END,
       last_mail_at = CASE WHEN last_mail_at = @at THEN NULL ELSE last_mail_at END
     WHERE id = @id`,
  );
  const deleteToken = db.prepare('DELETE FROM subscriber_tokens WHERE token_hash = ?');
  const deleteEvent = db.prepare('DELETE FROM subscriber_events WHERE id = ?');
  const eventsOf = db.prepare<[string], EventRow>(
    'SELECT * FROM subscriber_events WHERE subscriber_id = ? ORDER BY at, rowid',
  );
  const subscribersWithStatus = db.prepare<[string, string, string, string, number], SubscriberRow>(
    `SELECT * FROM subscribers WHERE (? = 'all' OR status = ?) AND (created_at, id) > (?, ?)
     ORDER BY created_at, id LIMIT ?`,
  );

  function storeEvent(event: SubscriberEvent): void {
    insertEvent.run(...eventValues(event));
  }

  function mustGet(id: string): SubscriberRecord {
    const row = subscriberById.get(id);
    if (!row) throw new Error(`subscriber ${id} vanished inside its own transaction`);
    return toSubscriber(row);
  }

  const requestSubscription = write(
    (
      request: SubscriptionRequest,
      tokens: readonly Omit<TokenRecord, 'subscriberId'>[],
      event: Omit<SubscriberEvent, 'subscriberId'>,
      limit?: MailLimit,
    ): SubscriptionOutcome => {
      // The immediate transaction holds the write lock from this read on: no other request for
      // the address can come between the lookup and the insert or update.
      const previousRow = subscriberByEmail.get(request.email);
      const previous = previousRow ? toSubscriber(previousRow) : null;
      const id = previous?.id ?? randomUUID();
      const values = {
        id,
        email: request.email,
        measureOpens: bit(request.measureOpens),
        language: request.language,
        consentId: request.consentId,
        revision: request.revision,
        consentText: request.consentText,
        at: request.at,
      };
      if (!previous) {
        insertSubscriber.run(values);
        storeEvent({ ...event, subscriberId: id });
      }
      // Held back by the limit, the request changes nothing: no mail would announce new choices,
      // and the links of the mail already sent must keep confirming the choices it showed.
      const mailed = limit === undefined || countMail.run(mailCountValues(id, request.at, limit)).changes > 0;
      if (!mailed) return { subscriber: mustGet(id), mailed };
      if (previous && previous.status !== 'confirmed') {
        reopenSubscriber.run(values);
        if (previous.status === 'pending' && choicesDiffer(previous, request)) deleteConfirmTokens.run(id);
        storeEvent({ ...event, subscriberId: id });
      }
      for (const token of tokens)
        insertToken.run(token.hash, id, token.kind, token.createdAt, token.expiresAt);
      return { subscriber: mustGet(id), mailed };
    },
  );

  const claimMail = write((claim: MailClaim) => {
    const counted = countMail.run(mailCountValues(claim.subscriberId, claim.at, claim.limit));
    if (counted.changes === 0) return false;
    for (const token of claim.tokens)
      insertToken.run(token.hash, token.subscriberId, token.kind, token.createdAt, token.expiresAt);
    if (claim.event) storeEvent(claim.event);
    return true;
  });

  const releaseMail = write((claim: MailClaim) => {
    uncountMail.run({ id: claim.subscriberId, at: claim.at, day: claim.at.slice(0, 10) });
    for (const token of claim.tokens) deleteToken.run(token.hash);
    if (claim.event) deleteEvent.run(claim.event.id);
  });

  const addTokens = write((tokens: readonly TokenRecord[], event?: SubscriberEvent) => {
    for (const token of tokens)
      insertToken.run(token.hash, token.subscriberId, token.kind, token.createdAt, token.expiresAt);
    if (event) storeEvent(event);
  });

  const confirmSubscription = write(
    (confirmTokenHash: string, manageToken: TokenRecord, event: SubscriberEvent) => {
      const subscriberId = event.subscriberId;
      if (useConfirmToken.run(confirmTokenHash, subscriberId).changes === 0) return null;
      deleteConfirmTokens.run(subscriberId);
      confirm.run({ id: subscriberId, at: event.at });
      insertToken.run(
        manageToken.hash,
        subscriberId,
        manageToken.kind,
        manageToken.createdAt,
        manageToken.expiresAt,
      );
      storeEvent(event);
      return mustGet(subscriberId);
    },
  );

  const updateSubscriber = write(
    (
      subscriberId: string,
      patch: SubscriberPatch,
      event: SubscriberEvent | ((before: SubscriberRecord) => SubscriberEvent),
      keepManageToken?: string,
    ): SubscriberUpdate => {
      // Read under the write lock: the status this update changes, not one another request saw.
      const current = mustGet(subscriberId);
      const stored = typeof event === 'function' ? event(current) : event;
      const next = { ...current, ...patch };
      const unsubscribing = patch.status === 'unsubscribed' && current.status !== 'unsubscribed';
      db.prepare(
        `UPDATE subscribers SET status = ?, revision = ?, measure_opens = ?, object_marketing = ?, object_research = ?,
         unsubscribed_at = ?, updated_at = ? WHERE id = ?`,
      ).run(...subscriberUpdateValues(current, next, unsubscribing, stored.at, subscriberId));
      // Only an unsubscribe revokes links: a change of choices while unsubscribed (an objection
      // switch) must keep the link it came through, and a new confirmation link.
      if (patch.status === 'unsubscribed') {
        deleteConfirmTokens.run(subscriberId);
        deleteOtherManageTokens.run(subscriberId, keepManageToken ?? null);
      }
      storeEvent(stored);
      return { subscriber: mustGet(subscriberId), previousStatus: current.status };
    },
  );

  const purgeExpiredTokens = write((before: string) => deleteExpiredTokens.run(before).changes);

  return {
    requestSubscription: async (request, tokens, event, limit) =>
      requestSubscription(request, tokens, event, limit),
    findSubscriberByEmail: async (email) =>
      guard(() => {
        const row = subscriberByEmail.get(email);
        return row ? toSubscriber(row) : null;
      }),
    claimMail: async (claim) => claimMail(claim),
    releaseMail: async (claim) => releaseMail(claim),
    addTokens: async (tokens, event) => addTokens(tokens, event),
    findToken: async (hash, kind) =>
      guard(() => {
        const row = tokenByHash.get(hash, kind);
        if (!row) return null;
        const subscriber = subscriberById.get(row.subscriber_id);
        return subscriber ? { token: toToken(row), subscriber: toSubscriber(subscriber) } : null;
      }),
    confirmSubscription: async (confirmTokenHash, manageToken, event) =>
      confirmSubscription(confirmTokenHash, manageToken, event),
    updateSubscriber: async (subscriberId, patch, event, keepManageToken) =>
      updateSubscriber(subscriberId, patch, event, keepManageToken),
    purgeExpiredTokens: async (before) => purgeExpiredTokens(before),
    listSubscribers: async (status, page = {}) =>
      guard(() => {
        // '' sorts before every stored value; LIMIT -1 is SQLite's "no limit".
        const { createdAt, id } = page.after ?? { createdAt: '', id: '' };
        return subscribersWithStatus.all(status, status, createdAt, id, page.limit ?? -1).map(toSubscriber);
      }),
    listSubscriberEvents: async (subscriberId) =>
      guard(() => eventsOf.all(subscriberId).map(toSubscriberEvent)),
  };
}
