-- The ledger janitor deletes inbox entries older than INGEST_INBOX_RETENTION, oldest first, a bounded batch at a time.
-- This index finds them without reading the whole inbox on every batch.
CREATE INDEX IF NOT EXISTS "claim_inbox_received_at_idx" ON "ledger"."claim_inbox"("received_at");
