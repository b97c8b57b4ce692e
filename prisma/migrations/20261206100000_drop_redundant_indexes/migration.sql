-- Indexes every claim paid for on each write and no statement needs (issue #30: Postgres per claim). A claim's ledger
-- row is written three times (received, validated, priced; a status change is never a HOT update), its outbox row once.
-- claim_ledger_submitter_claim_idx (submitter_id, submitter_claim_id) is the leading part of the unique
-- claim_ledger_submission_key (submitter_id, submitter_claim_id, content_hash), which serves the same lookups.
DROP INDEX IF EXISTS "ledger"."claim_ledger_submitter_claim_idx";
-- claim_ledger_status_idx (status, received_at): no statement reads the ledger by status without its owner; the
-- owner's lists use claim_ledger_owner_status_received_idx.
DROP INDEX IF EXISTS "ledger"."claim_ledger_status_idx";
-- claim_outbox_unsent_idx (id) WHERE sent_at IS NULL: a published row is deleted, not marked, so the partial index held
-- every row the primary key holds.
DROP INDEX IF EXISTS "ledger"."claim_outbox_unsent_idx";
