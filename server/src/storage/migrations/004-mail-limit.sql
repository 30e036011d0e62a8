-- Confirmation mails per address, counted on the subscriber's row, so every server instance on
-- the database enforces one shared limit: the time of the last mail, and how many went out on
-- the UTC day `mail_day` (YYYY-MM-DD).
ALTER TABLE subscribers ADD COLUMN last_mail_at TEXT;
ALTER TABLE subscribers ADD COLUMN mail_day TEXT;
ALTER TABLE subscribers ADD COLUMN mails_on_day INTEGER NOT NULL DEFAULT 0;
