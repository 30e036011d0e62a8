-- Manage links expire a year after they were issued (the service sets expires_at on new ones);
-- those issued before this migration get the same year, counted from their creation. Portable:
-- the year of the ISO 8601 text plus one (a 29 February becomes a date that does not exist but
-- still sorts between 28 February and 1 March, which is all a comparison needs).
UPDATE subscriber_tokens
   SET expires_at = CAST(CAST(substr(created_at, 1, 4) AS INTEGER) + 1 AS TEXT) || substr(created_at, 5)
 WHERE kind = 'manage' AND expires_at IS NULL;

-- Expired tokens are deleted as new ones are written; the index keeps that a range scan.
CREATE INDEX subscriber_tokens_expires ON subscriber_tokens (expires_at);
