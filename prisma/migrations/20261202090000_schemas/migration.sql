-- One Postgres schema per data owner, so that each service role can be granted its own schema and nothing else
-- (prisma/tooling/database-roles.js grants them, and sets the search path, after every deploy). Later migrations name their tables with the
-- schema (ledger.claim_outbox), since this one runs last in every existing history.
-- No semicolons or quotes in these comments: the Prisma wasm engine splits scripts on them.
CREATE SCHEMA IF NOT EXISTS "ledger";
CREATE SCHEMA IF NOT EXISTS "feedback";
CREATE SCHEMA IF NOT EXISTS "refdata";
CREATE SCHEMA IF NOT EXISTS "keys";

-- THE list of tables and their owners, one line each: add a line to move another table. A table that the merged
-- branches did not create is skipped (IF EXISTS), and SET SCHEMA moves its indexes, constraints and serial sequences.
ALTER TABLE IF EXISTS public."claim_ledger" SET SCHEMA "ledger";
ALTER TABLE IF EXISTS public."claim_outbox" SET SCHEMA "ledger";
ALTER TABLE IF EXISTS public."claim_inbox" SET SCHEMA "ledger";
ALTER TABLE IF EXISTS public."remit_line_outcome" SET SCHEMA "ledger";
ALTER TABLE IF EXISTS public."denial_report" SET SCHEMA "feedback";
ALTER TABLE IF EXISTS public."denial_pattern_cell" SET SCHEMA "feedback";
ALTER TABLE IF EXISTS public."denial_pattern_dirty" SET SCHEMA "feedback";
ALTER TABLE IF EXISTS public."denial_pattern_view" SET SCHEMA "feedback";
ALTER TABLE IF EXISTS public."denial_pattern_publication" SET SCHEMA "feedback";
ALTER TABLE IF EXISTS public."refdata_release" SET SCHEMA "refdata";
ALTER TABLE IF EXISTS public."refdata_ptp" SET SCHEMA "refdata";
ALTER TABLE IF EXISTS public."refdata_ptp_rationale" SET SCHEMA "refdata";
ALTER TABLE IF EXISTS public."refdata_mue" SET SCHEMA "refdata";
ALTER TABLE IF EXISTS public."refdata_addon" SET SCHEMA "refdata";
ALTER TABLE IF EXISTS public."api_key" SET SCHEMA "keys";

