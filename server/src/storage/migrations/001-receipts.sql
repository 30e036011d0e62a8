-- Consent receipts: proof of each consent decision. receipt_id is the client's idempotency key,
-- so the PRIMARY KEY (not application code) decides whether a receipt is new.
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Times are ISO 8601 UTC text;
-- granted/denied are JSON arrays as text.
CREATE TABLE receipts (
  receipt_id  TEXT PRIMARY KEY,
  consent_id  TEXT NOT NULL,
  revision    TEXT NOT NULL,
  granted     TEXT NOT NULL,
  denied      TEXT NOT NULL,
  method      TEXT NOT NULL,
  decided_at  TEXT NOT NULL,
  user_agent  TEXT,
  received_at TEXT NOT NULL
);
CREATE INDEX receipts_consent_id ON receipts (consent_id);
CREATE INDEX receipts_decided_at ON receipts (decided_at);
