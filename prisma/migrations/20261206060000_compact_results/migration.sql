-- Compact results (issue 30): a result ingest records from a v2 message is stored as its findings, marked form
-- compact (validation holds edits, notChecked and releases, every edit whole with the REFDATA_UNAVAILABLE warns
-- included, and pricing is by index into the claim lines), not as the whole result with its per-line copies of the
-- edits and its corrected claim. Results stored before, and those of v1 messages, stay whole.
-- No semicolons or quotes in these comments: the Prisma wasm engine splits scripts on them.
--
-- edit_codes reads validation.edits, which both forms hold whole: it stays as it is.
-- denied read validation.lines, which the compact form leaves out. A whole result is read as before. For a compact
-- one, a line is denied when a deny edit names it: the rule of lineResults (libs/domain validation/line-results.ts),
-- which built the denied flag of each line of a whole result, the edits of a compact one being exactly the edits it
-- was built from. lineResults gives an edit to every claim line with a number the edit names (numbers may repeat)
-- and marks the line denied when that edit is a deny, so some line is denied exactly when a deny edit names a
-- number some claim line has. The claim lines are checked too: a number no line has denies no line.
CREATE FUNCTION ledger.claim_denied(claim jsonb, result jsonb) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE
    WHEN result ->> 'form' = 'compact' THEN EXISTS (
      SELECT 1
      FROM jsonb_array_elements(
          CASE WHEN jsonb_typeof(result -> 'validation' -> 'edits') = 'array' THEN result -> 'validation' -> 'edits' ELSE '[]'::jsonb END
        ) AS e,
        jsonb_array_elements(CASE WHEN jsonb_typeof(e -> 'lines') = 'array' THEN e -> 'lines' ELSE '[]'::jsonb END) AS n,
        jsonb_array_elements(CASE WHEN jsonb_typeof(claim -> 'lines') = 'array' THEN claim -> 'lines' ELSE '[]'::jsonb END) AS l
      WHERE e ->> 'severity' = 'deny' AND l -> 'lineNumber' = n
    )
    ELSE jsonb_path_exists(result, '$.validation.lines[*] ? (@.denied == true)')
  END;

DROP INDEX "ledger"."claim_ledger_owner_denied_idx";

ALTER TABLE "ledger"."claim_ledger" DROP COLUMN "denied";

-- ClaimFlow predicts a denial: a line of the result is denied, from either form (NULL with no result, as before).
ALTER TABLE "ledger"."claim_ledger"
  ADD COLUMN "denied" BOOLEAN GENERATED ALWAYS AS (ledger.claim_denied("claim", "result")) STORED;

-- denied=true: the owner ordered range of predicted denials only (denied=false reads the owner index).
CREATE INDEX "claim_ledger_owner_denied_idx" ON "ledger"."claim_ledger"("submitter_id", "received_at" DESC, "id" DESC) WHERE "denied";
