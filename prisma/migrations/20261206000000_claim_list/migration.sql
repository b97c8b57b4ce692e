-- GET /v1/claims lists an owner's claims newest first with a keyset cursor on (received_at, id) and filters.
-- The filtered facts are generated columns, computed by Postgres from the claim and result the ledger already
-- stores, so the projection that writes those documents keeps them right without any change of its own.
-- No semicolons or quotes in these comments: the Prisma wasm engine splits scripts on them.

-- Earliest and latest line date of service of a canonical claim (ISO YYYY-MM-DD text, compared as text in C order).
CREATE FUNCTION ledger.claim_service_date(claim jsonb, latest boolean) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (
    SELECT make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9, 2)::int)
    FROM (
      SELECT CASE WHEN latest THEN max(l ->> 'dateOfService' COLLATE "C") ELSE min(l ->> 'dateOfService' COLLATE "C") END AS d
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(claim -> 'lines') = 'array' THEN claim -> 'lines' ELSE '[]'::jsonb END) AS l
      WHERE (l ->> 'dateOfService') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
    ) AS dates
    WHERE d IS NOT NULL
  );

-- The distinct edit codes of a validation result, sorted.
CREATE FUNCTION ledger.claim_edit_codes(result jsonb) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ARRAY(
    SELECT DISTINCT e ->> 'code'
    FROM jsonb_array_elements(
      CASE WHEN jsonb_typeof(result -> 'validation' -> 'edits') = 'array' THEN result -> 'validation' -> 'edits' ELSE '[]'::jsonb END
    ) AS e
    WHERE e ->> 'code' IS NOT NULL
    ORDER BY 1
  );

ALTER TABLE "ledger"."claim_ledger"
  ADD COLUMN "service_from" DATE GENERATED ALWAYS AS (ledger.claim_service_date("claim", false)) STORED,
  ADD COLUMN "service_to" DATE GENERATED ALWAYS AS (ledger.claim_service_date("claim", true)) STORED,
  ADD COLUMN "edit_codes" TEXT[] GENERATED ALWAYS AS (ledger.claim_edit_codes("result")) STORED,
  -- ClaimFlow predicts a denial: a line of the validation result is marked denied.
  ADD COLUMN "denied" BOOLEAN GENERATED ALWAYS AS (jsonb_path_exists("result", '$.validation.lines[*] ? (@.denied == true)')) STORED;

-- Every page: one owner, newest first, (received_at, id) as the cursor.
CREATE INDEX "claim_ledger_owner_received_idx" ON "ledger"."claim_ledger"("submitter_id", "received_at" DESC, "id" DESC);

-- status=...: one ordered range per status.
CREATE INDEX "claim_ledger_owner_status_received_idx" ON "ledger"."claim_ledger"("submitter_id", "status", "received_at" DESC, "id" DESC);

-- Date-of-service overlap: the range on service_from, service_to checked inside the index.
CREATE INDEX "claim_ledger_owner_service_idx" ON "ledger"."claim_ledger"("submitter_id", "service_from", "service_to");

-- editCode=...: one GIN entry per owner and code (the owner, a space, the code), so that a code common among all
-- owners reads the posting list of this owner alone (a GIN on the codes read 40000 entries to find 400 in the bench).
CREATE FUNCTION ledger.owner_edit_keys(owner text, codes text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ARRAY(SELECT owner || ' ' || c FROM unnest(codes) AS c);
CREATE INDEX "claim_ledger_owner_edit_codes_idx" ON "ledger"."claim_ledger" USING GIN (ledger.owner_edit_keys("submitter_id", "edit_codes"));

-- denied=true: the owner ordered range of predicted denials only (denied=false reads the owner index).
CREATE INDEX "claim_ledger_owner_denied_idx" ON "ledger"."claim_ledger"("submitter_id", "received_at" DESC, "id" DESC) WHERE "denied";

-- payerOutcome reads no index of its own: each claim read in order is probed in remit_line_outcome by its key.
