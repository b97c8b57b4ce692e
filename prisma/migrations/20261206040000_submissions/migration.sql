-- Submissions as a resource (issue 29 item 2): every POST /v1/claims and every Kafka message of claims is one
-- submission, recorded with the ids of its claims and, for an 837P interchange, what its 999 needs.
-- No semicolons or quotes in these comments: the Prisma wasm engine splits scripts on them.

-- CreateTable
CREATE TABLE "ledger"."submission" (
    "id" UUID NOT NULL,
    "submitter_id" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "x12" JSONB,

    CONSTRAINT "submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger"."submission_claim" (
    "submission_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "submission_claim_pkey" PRIMARY KEY ("submission_id","claim_id")
);

-- GET /v1/submissions: one owner, newest first, (received_at, id) as the cursor.
CREATE INDEX "submission_owner_received_idx" ON "ledger"."submission"("submitter_id", "received_at" DESC, "id" DESC);

-- The submissions a claim came in.
CREATE INDEX "submission_claim_claim_idx" ON "ledger"."submission_claim"("claim_id");

-- AddForeignKey
ALTER TABLE "ledger"."submission_claim" ADD CONSTRAINT "submission_claim_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "ledger"."submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Interchange and group control numbers (ISA13, GS06) of the acknowledgments ingest sends, unique per sender:
-- X12 allows 1 to 999999999, and the sequence starts over after the last.
CREATE SEQUENCE "ledger"."ack_control_seq" AS BIGINT MINVALUE 1 MAXVALUE 999999999 CYCLE;
