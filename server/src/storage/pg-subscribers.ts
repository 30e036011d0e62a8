// The newsletter half of the PostgreSQL storage: subscribers, their tokens and proof events.
// Read-modify-write happens in one transaction, and every transaction locks the subscriber's row
// (FOR UPDATE, or an UPDATE) before any of its tokens: with one order, two instances changing one
// subscriber at once queue instead of deadlocking.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { countMail, insertEvent, insertToken, insertTokens, subscriberById } from './pg-statements.js';
import {
  type EventRow,
  type SubscriberRow,
  type TokenRow,
  bit,
  choicesDiffer,
  subscriberUpdateValues,
  toSubscriber,
  toSubscriberEvent,
  toToken,
} from './rows.js';
import type { Storage } from './types.js';

/** The subscriber methods of Storage on a pool; `transaction` and `guard` map errors. */
export function postgresSubscribers(
  pool: pg.Pool,
  transaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>,
  guard: <T>(work: () => Promise<T>) => Promise<T>,
): Omit<Storage, 'insertReceipt' | 'listReceipts' | 'close'> {
  return {
    requestSubscription: (request, tokens, event, limit) =>
      transaction(async (db) => {
        // Two requests for the same address meet at the UNIQUE(email): the second insert waits
        // for the first and then does nothing. The row is then locked (subscriber first, as in
        // every transaction here), so the limit is counted and the choices compared and changed
        // by one request at a time.
        const choices = [
          bit(request.measureOpens),
          request.language,
          request.consentId,
          request.revision,
          request.consentText,
        ];
        const created = await db.query(
          `INSERT INTO subscribers (id, email, status, measure_opens, language, consent_id, revision,
             subscription_revision, consent_text, created_at, updated_at)
           VALUES ($1, $2, 'pending', $3, $4, $5, $6, $6, $7, $8, $8) ON CONFLICT (email) DO NOTHING`,
          [randomUUID(), request.email, ...choices, request.at],
        );
        const { rows } = await db.query<SubscriberRow>(
          'SELECT * FROM subscribers WHERE email = $1 FOR UPDATE',
          [request.email],
        );
        if (!rows[0]) throw new Error('subscriber missing right after insert');
        const previous = toSubscriber(rows[0]);
        if (created.rowCount === 1) await insertEvent(db, { ...event, subscriberId: previous.id });
        // Held back by the limit, the request changes nothing: no mail would announce new choices,
        // and the links of the mail already sent must keep confirming the choices it showed.
        const mailed = limit === undefined || (await countMail(db, previous.id, request.at, limit));
        if (mailed && created.rowCount === 0 && previous.status !== 'confirmed') {
          await db.query(
            `UPDATE subscribers SET status = 'pending', measure_opens = $2, language = $3, consent_id = $4,
               revision = $5, subscription_revision = $5, consent_text = $6, updated_at = $7 WHERE id = $1`,
            [previous.id, ...choices, request.at],
          );
          if (previous.status === 'pending' && choicesDiffer(previous, request))
            await db.query("DELETE FROM subscriber_tokens WHERE subscriber_id = $1 AND kind = 'confirm'", [
              previous.id,
            ]);
          await insertEvent(db, { ...event, subscriberId: previous.id });
        }
        if (mailed)
          for (const token of tokens) await insertToken(db, { ...token, subscriberId: previous.id });
        return { subscriber: await subscriberById(db, previous.id), mailed };
      }),

    findSubscriberByEmail: (email) =>
      guard(async () => {
        const { rows } = await pool.query<SubscriberRow>('SELECT * FROM subscribers WHERE email = $1', [
          email,
        ]);
        return rows[0] ? toSubscriber(rows[0]) : null;
      }),

    claimMail: (claim) =>
      transaction(async (db) => {
        if (!(await countMail(db, claim.subscriberId, claim.at, claim.limit))) return false;
        for (const token of claim.tokens) await insertToken(db, token);
        if (claim.event) await insertEvent(db, claim.event);
        return true;
      }),

    releaseMail: (claim) =>
      transaction(async (db) => {
        // Subscriber row first, as everywhere. The claim passed the interval check, so the mail
        // before it is at least an interval old: forgetting last_mail_at changes no later answer.
        await db.query(
          `UPDATE subscribers SET
             mails_on_day = CASE WHEN mail_day = $3 AND mails_on_day > 0 THEN mails_on_day - 1 ELSE mails_on_day END,
             last_mail_at = CASE WHEN last_mail_at = $2 THEN NULL ELSE last_mail_at END
           WHERE id = $1`,
          [claim.subscriberId, claim.at, claim.at.slice(0, 10)],
        );
        await db.query('DELETE FROM subscriber_tokens WHERE token_hash = ANY($1::text[])', [
          claim.tokens.map((t) => t.hash),
        ]);
        if (claim.event) await db.query('DELETE FROM subscriber_events WHERE id = $1', [claim.event.id]);
      }),

    addTokens: (tokens, event) =>
      transaction(async (db) => {
        // One statement for the lot: an export page issues up to 10,000 links at once.
        await insertTokens(db, tokens);
        if (event) await insertEvent(db, event);
      }),

    findToken: (hash, kind) =>
      guard(async () => {
        const { rows } = await pool.query<TokenRow>(
          'SELECT * FROM subscriber_tokens WHERE token_hash = $1 AND kind = $2',
          [hash, kind],
        );
        if (!rows[0]) return null;
        const subscribers = await pool.query<SubscriberRow>('SELECT * FROM subscribers WHERE id = $1', [
          rows[0].subscriber_id,
        ]);
        return subscribers.rows[0]
          ? { token: toToken(rows[0]), subscriber: toSubscriber(subscribers.rows[0]) }
          : null;
      }),

    confirmSubscription: (confirmTokenHash, manageToken, event) =>
      transaction(async (db) => {
        const subscriberId = event.subscriberId;
        // Subscriber row first, as in every transaction here: unsubscribing locks it and then
        // deletes tokens, so taking the token first would let the two wait for each other (40P01).
        await subscriberById(db, subscriberId, true);
        // The DELETE decides who confirms: of two concurrent requests, the second finds no row.
        const used = await db.query(
          "DELETE FROM subscriber_tokens WHERE token_hash = $1 AND subscriber_id = $2 AND kind = 'confirm'",
          [confirmTokenHash, subscriberId],
        );
        if (used.rowCount === 0) return null;
        await db.query("DELETE FROM subscriber_tokens WHERE subscriber_id = $1 AND kind = 'confirm'", [
          subscriberId,
        ]);
        await db.query(
          `UPDATE subscribers SET status = 'confirmed',
             confirmed_at = CASE WHEN status = 'confirmed' THEN confirmed_at ELSE $2 END,
             unsubscribed_at = NULL, updated_at = $2 WHERE id = $1`,
          [subscriberId, event.at],
        );
        await insertToken(db, manageToken);
        await insertEvent(db, event);
        return subscriberById(db, subscriberId);
      }),

    updateSubscriber: (subscriberId, patch, event, keepManageToken) =>
      transaction(async (db) => {
        // FOR UPDATE: a concurrent change of the same subscriber waits, so neither is lost, and
        // the status read is the one this update changes (of two unsubscribes, one ends it).
        const current = await subscriberById(db, subscriberId, true);
        const stored = typeof event === 'function' ? event(current) : event;
        const next = { ...current, ...patch };
        const unsubscribing = patch.status === 'unsubscribed' && current.status !== 'unsubscribed';
        await db.query(
          `UPDATE subscribers SET status = $1, revision = $2, measure_opens = $3, object_marketing = $4, object_research = $5,
             unsubscribed_at = $6, updated_at = $7 WHERE id = $8`,
          subscriberUpdateValues(current, next, unsubscribing, stored.at, subscriberId),
        );
        // Only an unsubscribe revokes links: a change of choices while unsubscribed (an objection
        // switch) must keep the link it came through, and a new confirmation link.
        if (patch.status === 'unsubscribed') {
          await db.query("DELETE FROM subscriber_tokens WHERE subscriber_id = $1 AND kind = 'confirm'", [
            subscriberId,
          ]);
          await db.query(
            "DELETE FROM subscriber_tokens WHERE subscriber_id = $1 AND kind = 'manage' AND token_hash IS DISTINCT FROM $2",
            [subscriberId, keepManageToken ?? null],
          );
        }
        await insertEvent(db, stored);
        return { subscriber: await subscriberById(db, subscriberId), previousStatus: current.status };
      }),

    purgeExpiredTokens: (before) =>
      guard(async () => {
        // In batches, skipping rows another instance is deleting right now: concurrent purges
        // neither wait for nor deadlock with each other (nor with a request's transaction).
        const { rowCount } = await pool.query(
          `DELETE FROM subscriber_tokens WHERE token_hash IN (
             SELECT token_hash FROM subscriber_tokens WHERE expires_at < $1 LIMIT 1000 FOR UPDATE SKIP LOCKED)`,
          [before],
        );
        return rowCount ?? 0;
      }),

    listSubscribers: (status, page = {}) =>
      guard(async () => {
        // '' sorts before every stored value; LIMIT NULL is PostgreSQL's "no limit".
        const { createdAt, id } = page.after ?? { createdAt: '', id: '' };
        const { rows } = await pool.query<SubscriberRow>(
          `SELECT * FROM subscribers WHERE ($1 = 'all' OR status = $1) AND (created_at, id) > ($2, $3)
           ORDER BY created_at, id LIMIT $4`,
          [status, createdAt, id, page.limit ?? null],
        );
        return rows.map(toSubscriber);
      }),

    listSubscriberEvents: (subscriberId) =>
      guard(async () => {
        // SQLite breaks ties of `at` by rowid (insertion order). Here each event has its own
        // transaction, so the inserting transaction's id (xmin) gives the same order.
        const { rows } = await pool.query<EventRow>(
          'SELECT * FROM subscriber_events WHERE subscriber_id = $1 ORDER BY at, xmin::text::bigint, ctid',
          [subscriberId],
        );
        return rows.map(toSubscriberEvent);
      }),
  };
}
