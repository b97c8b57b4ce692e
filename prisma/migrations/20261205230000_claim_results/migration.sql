-- Each final result of a claim is owed to its owner's results topic (claims.results.v1.<owner>). A trigger queues it
-- in the same transaction that makes the claim final, whichever statement does that (a pipeline result, an intake
-- rejection, a replacement or void), so no result is missed or queued twice; ingest's results relay publishes the
-- rows it finds (as GET /v1/claims/{id} answers) and deletes them. The final statuses are the lifecycle's
-- (FINAL_CLAIM_STATUSES in libs/domain; a spec checks this list against it).
CREATE TABLE "ledger"."claim_result_outbox" (
    "id" BIGSERIAL NOT NULL,
    "claim_id" UUID NOT NULL,
    "submitter_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_result_outbox_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "ledger"."claim_result_owed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" IN ('priced', 'rejected', 'replaced', 'voided')
     AND (TG_OP = 'INSERT' OR OLD."status" IS DISTINCT FROM NEW."status") THEN
    INSERT INTO "ledger"."claim_result_outbox" ("claim_id", "submitter_id", "status")
    VALUES (NEW."id", NEW."submitter_id", NEW."status");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "claim_result_owed"
    AFTER INSERT OR UPDATE OF "status" ON "ledger"."claim_ledger"
    FOR EACH ROW EXECUTE FUNCTION "ledger"."claim_result_owed"();
