-- Newsletter subscribers (double opt-in), their tokens (hashed) and proof of every change.
-- Portable SQL for SQLite and PostgreSQL; booleans are 0/1 integers so both read them alike.
CREATE TABLE subscribers (
  id               TEXT PRIMARY KEY,
  email            TEXT NOT NULL UNIQUE,
  status           TEXT NOT NULL,
  measure_opens    INTEGER NOT NULL DEFAULT 0,
  object_marketing INTEGER NOT NULL DEFAULT 0,
  object_research  INTEGER NOT NULL DEFAULT 0,
  language         TEXT,
  consent_id       TEXT,
  revision         TEXT NOT NULL,
  consent_text     TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  confirmed_at     TEXT,
  unsubscribed_at  TEXT
);
CREATE INDEX subscribers_status ON subscribers (status);

-- Only the SHA-256 hash of a token is stored: a copy of the database gives no working links.
CREATE TABLE subscriber_tokens (
  token_hash    TEXT PRIMARY KEY,
  subscriber_id TEXT NOT NULL REFERENCES subscribers (id),
  kind          TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  expires_at    TEXT
);
CREATE INDEX subscriber_tokens_subscriber ON subscriber_tokens (subscriber_id);

CREATE TABLE subscriber_events (
  id            TEXT PRIMARY KEY,
  subscriber_id TEXT NOT NULL REFERENCES subscribers (id),
  at            TEXT NOT NULL,
  action        TEXT NOT NULL,
  revision      TEXT,
  method        TEXT NOT NULL,
  detail        TEXT NOT NULL
);
CREATE INDEX subscriber_events_subscriber ON subscriber_events (subscriber_id, at);
