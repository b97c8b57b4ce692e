-- Published figures as snapshots (issue 25): a new snapshot only once k distinct contributors added records after the last.
-- No semicolons or quotes in these comments: the Prisma wasm engine splits scripts on them.

-- Denial patterns: per code, the newest report the last snapshot included.
CREATE TABLE "feedback"."denial_pattern_snapshot" (
    "denied_code" TEXT NOT NULL,
    "through_seq" BIGINT NOT NULL,
    "published_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "denial_pattern_snapshot_pkey" PRIMARY KEY ("denied_code")
);

-- Public edit accuracy: one row, the answer as published, served as is.
CREATE TABLE "ledger"."edit_accuracy_publication" (
    "id" INTEGER NOT NULL,
    "answer" JSONB NOT NULL,
    "through_at" TIMESTAMPTZ NOT NULL,
    "published_as_of" TIMESTAMPTZ NOT NULL,
    "checked_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "edit_accuracy_publication_pkey" PRIMARY KEY ("id")
);
