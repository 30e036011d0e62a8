-- The revision of the consent text a subscription was requested (and so confirmed) under, kept
-- apart from `revision`, which every switch change and unsubscription overwrites: the export's
-- proof of consent must show what the visitor subscribed to. Existing rows get the revision of
-- their latest subscribe event (the request whose choices are on record), else their revision.
-- Portable SQL (SQLite and PostgreSQL).
ALTER TABLE subscribers ADD COLUMN subscription_revision TEXT NOT NULL DEFAULT '';
UPDATE subscribers SET subscription_revision = COALESCE(
  (SELECT e.revision FROM subscriber_events e
    WHERE e.subscriber_id = subscribers.id AND e.action = 'subscribe' AND e.revision IS NOT NULL
    ORDER BY e.at DESC LIMIT 1),
  revision);
