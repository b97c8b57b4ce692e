-- CreateTable
CREATE TABLE "denial_report" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "idempotency_key_hash" TEXT,
    "content_hash" TEXT NOT NULL,
    "denied_code" TEXT NOT NULL,
    "place_of_service" TEXT NOT NULL,
    "payer_type" TEXT NOT NULL,
    "mac_jurisdiction" TEXT,
    "state" TEXT NOT NULL,
    "denial_month" INTEGER NOT NULL,
    "billed_codes" JSONB NOT NULL,
    "carc_codes" TEXT[],
    "rarc_codes" TEXT[],
    "what_happened" TEXT,
    "appeal_filed" BOOLEAN NOT NULL,
    "appeal_level" INTEGER,
    "appeal_outcome" TEXT,
    "what_worked" TEXT,
    "claimflow_edits" TEXT[],
    "received_on" DATE NOT NULL DEFAULT CURRENT_DATE,

    CONSTRAINT "denial_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "denial_pattern_cell" (
    "denied_code" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "payer_type" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "denial_pattern_cell_pkey" PRIMARY KEY ("denied_code","scope","month","payer_type","dimension","value")
);

-- CreateIndex
CREATE INDEX "denial_report_code_month_idx" ON "denial_report"("denied_code", "denial_month" DESC, "seq" DESC);

-- CreateIndex
CREATE INDEX "denial_report_code_state_month_idx" ON "denial_report"("denied_code", "state", "denial_month" DESC, "seq" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "denial_report_idempotency_key" ON "denial_report"("idempotency_key_hash");
