-- CreateTable
CREATE TABLE "claim_ledger" (
    "id" UUID NOT NULL,
    "submitter_id" TEXT NOT NULL DEFAULT '',
    "submitter_claim_id" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "frequency_code" TEXT NOT NULL DEFAULT '1',
    "status" TEXT NOT NULL,
    "correlation_id" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "normalized_at" TIMESTAMP(3),
    "validated_at" TIMESTAMP(3),
    "priced_at" TIMESTAMP(3),
    "rejected_at" TIMESTAMP(3),
    "replaced_by_id" UUID,
    "claim" JSONB,
    "result" JSONB,
    "errors" JSONB,

    CONSTRAINT "claim_ledger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "claim_ledger_submitter_claim_idx" ON "claim_ledger"("submitter_id", "submitter_claim_id");

-- CreateIndex
CREATE INDEX "claim_ledger_status_idx" ON "claim_ledger"("status", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "claim_ledger_submission_key" ON "claim_ledger"("submitter_id", "submitter_claim_id", "content_hash");
