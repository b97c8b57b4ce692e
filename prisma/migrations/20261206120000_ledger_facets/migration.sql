-- The list facets of a claim (service_from, service_to, edit_codes, denied) become plain columns that ingest writes
-- with the claim and with each result, computed by the domain (serviceDatesOf, editCodesOf, predictsDeniedLine in
-- libs/domain validation/claim-facets.ts, storedResultFacets in libs/contracts). As stored generated columns
-- Postgres computed all four again on every write of a row, the status-only ones included: measured in issue 30 on
-- copies of the ledger with the pipeline bench claims and results, 500 rows a statement, an INSERT took 87-160 us a
-- row with them against 42-61 without, an UPDATE of the status alone 68-75 against 53. DROP EXPRESSION keeps the
-- values every row holds and rewrites nothing.
-- No semicolons or quotes in these comments: the Prisma wasm engine splits scripts on them.
ALTER TABLE "ledger"."claim_ledger"
  ALTER COLUMN "service_from" DROP EXPRESSION,
  ALTER COLUMN "service_to" DROP EXPRESSION,
  ALTER COLUMN "edit_codes" DROP EXPRESSION,
  ALTER COLUMN "denied" DROP EXPRESSION;

-- A row with no result had no edit codes (an empty array, never NULL): rows written without them still read so.
ALTER TABLE "ledger"."claim_ledger" ALTER COLUMN "edit_codes" SET DEFAULT '{}';

-- During a rolling upgrade an ingest of an earlier build still writes claims and results without these columns.
-- For such a write only, this trigger computes them as the generated columns did (the functions of migrations
-- 20261206000000_claim_list and 20261206060000_compact_results). Its WHEN is evaluated per row without calling the
-- function: a write of this build gives service dates with every claim and denied with every result, so the
-- function runs only for a claim without a calendar date of service (it then finds none again) and for the
-- earlier build. A result written again by the earlier build after this one wrote its facets keeps them: both
-- results of a claim carry the same validation. A later migration drops the trigger and the functions once no
-- ingest of an earlier build runs.
CREATE FUNCTION "ledger"."claim_facets_of_earlier_writer"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."claim" IS NOT NULL AND NEW."service_from" IS NULL THEN
    NEW."service_from" := "ledger"."claim_service_date"(NEW."claim", false);
    NEW."service_to" := "ledger"."claim_service_date"(NEW."claim", true);
  END IF;
  IF NEW."result" IS NOT NULL AND NEW."denied" IS NULL THEN
    NEW."edit_codes" := "ledger"."claim_edit_codes"(NEW."result");
    NEW."denied" := "ledger"."claim_denied"(NEW."claim", NEW."result");
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "claim_facets_of_earlier_writer"
    BEFORE INSERT OR UPDATE ON "ledger"."claim_ledger"
    FOR EACH ROW WHEN ((NEW."claim" IS NOT NULL AND NEW."service_from" IS NULL) OR (NEW."result" IS NOT NULL AND NEW."denied" IS NULL))
    EXECUTE FUNCTION "ledger"."claim_facets_of_earlier_writer"();
