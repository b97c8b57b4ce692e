-- CreateTable
CREATE TABLE "remit_line_outcome" (
    "claim_id" UUID NOT NULL,
    "line_number" INTEGER NOT NULL,
    "submitter_id" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "carc_codes" TEXT[],
    "rarc_codes" TEXT[],
    "charge_cents" BIGINT NOT NULL,
    "paid_cents" BIGINT NOT NULL,
    "claim_status" TEXT NOT NULL,
    "payer_claim_control_number" TEXT NOT NULL,
    "paid_on" DATE,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "remit_line_outcome_pkey" PRIMARY KEY ("claim_id","line_number")
);

-- CreateIndex
CREATE INDEX "remit_line_outcome_submitter_idx" ON "remit_line_outcome"("submitter_id");
