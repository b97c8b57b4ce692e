-- claim_result_owed ran its function for every INSERT and every status UPDATE of a claim, three of its four status
-- writes (received, validated, priced: only the last is final) finding nothing to do. With a WHEN the function is not
-- called and, for this AFTER trigger, no event is queued for such a row (webhook_claim_final has had the same WHEN
-- since 20261206041000_webhooks). The function and its own test of the status stay as they are, so a status the
-- WHEN lets through is still checked against the old one on UPDATE. The final statuses are the lifecycle
-- (FINAL_CLAIM_STATUSES in libs/domain, checked against this list by claim-result-owed.spec).
-- No semicolons or quotes in these comments: the Prisma wasm engine splits scripts on them.
DROP TRIGGER "claim_result_owed" ON "ledger"."claim_ledger";

CREATE TRIGGER "claim_result_owed"
    AFTER INSERT OR UPDATE OF "status" ON "ledger"."claim_ledger"
    FOR EACH ROW WHEN (NEW."status" IN ('priced', 'rejected', 'replaced', 'voided'))
    EXECUTE FUNCTION "ledger"."claim_result_owed"();
