-- Reports carry a keyed hash of their reporter (HMAC with a secret kept out of the database), never the key.
ALTER TABLE "denial_report" ADD COLUMN "reporter_hash" TEXT;

-- Per-reporter daily limit.
CREATE INDEX "denial_report_reporter_day_idx" ON "denial_report"("reporter_hash", "received_on");

-- Codes with reports not yet published; the version moves on with each report.
CREATE TABLE "denial_pattern_dirty" (
    "denied_code" TEXT NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "denial_pattern_dirty_pkey" PRIMARY KEY ("denied_code")
);

-- The published views of each code's lattice, as last computed.
CREATE TABLE "denial_pattern_view" (
    "denied_code" TEXT NOT NULL,
    "view" TEXT NOT NULL,
    "answer" JSONB NOT NULL,

    CONSTRAINT "denial_pattern_view_pkey" PRIMARY KEY ("denied_code", "view")
);

-- When the last complete publication started.
CREATE TABLE "denial_pattern_publication" (
    "id" INTEGER NOT NULL,
    "published_as_of" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "denial_pattern_publication_pkey" PRIMARY KEY ("id")
);
