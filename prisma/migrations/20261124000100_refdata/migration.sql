-- CreateTable
CREATE TABLE "refdata_release" (
    "pk" BIGSERIAL NOT NULL,
    "dataset" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "partial" BOOLEAN NOT NULL,
    "notes" TEXT[],
    "content_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshot" BYTEA NOT NULL,

    CONSTRAINT "refdata_release_pkey" PRIMARY KEY ("pk")
);

-- CreateTable
CREATE TABLE "refdata_ptp" (
    "release_pk" BIGINT NOT NULL,
    "column1" TEXT NOT NULL,
    "column2" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "effective" INTEGER,
    "deletion" INTEGER,
    "modifier" CHAR(1) NOT NULL,
    "rationale" SMALLINT NOT NULL,

    CONSTRAINT "refdata_ptp_pkey" PRIMARY KEY ("release_pk","column1","column2","seq")
);

-- CreateTable
CREATE TABLE "refdata_ptp_rationale" (
    "release_pk" BIGINT NOT NULL,
    "id" SMALLINT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "refdata_ptp_rationale_pkey" PRIMARY KEY ("release_pk","id")
);

-- CreateTable
CREATE TABLE "refdata_mue" (
    "release_pk" BIGINT NOT NULL,
    "code" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "mai" SMALLINT NOT NULL,
    "rationale" TEXT NOT NULL,

    CONSTRAINT "refdata_mue_pkey" PRIMARY KEY ("release_pk","code")
);

-- CreateTable
CREATE TABLE "refdata_addon" (
    "release_pk" BIGINT NOT NULL,
    "seq" INTEGER NOT NULL,
    "addon" TEXT NOT NULL,
    "primary_code" TEXT,
    "type" SMALLINT NOT NULL,

    CONSTRAINT "refdata_addon_pkey" PRIMARY KEY ("release_pk","seq")
);

-- CreateIndex
CREATE INDEX "refdata_release_lookup_idx" ON "refdata_release"("dataset", "release_id", "status");

-- One active row per dataset and release id (not expressible in the Prisma schema).
CREATE UNIQUE INDEX "refdata_release_active_key" ON "refdata_release"("dataset", "release_id") WHERE "status" = 'active';

-- CreateIndex
CREATE INDEX "refdata_addon_code_idx" ON "refdata_addon"("release_pk", "addon");

-- AddForeignKey
ALTER TABLE "refdata_ptp" ADD CONSTRAINT "refdata_ptp_release_pk_fkey" FOREIGN KEY ("release_pk") REFERENCES "refdata_release"("pk") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refdata_ptp_rationale" ADD CONSTRAINT "refdata_ptp_rationale_release_pk_fkey" FOREIGN KEY ("release_pk") REFERENCES "refdata_release"("pk") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refdata_mue" ADD CONSTRAINT "refdata_mue_release_pk_fkey" FOREIGN KEY ("release_pk") REFERENCES "refdata_release"("pk") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refdata_addon" ADD CONSTRAINT "refdata_addon_release_pk_fkey" FOREIGN KEY ("release_pk") REFERENCES "refdata_release"("pk") ON DELETE CASCADE ON UPDATE CASCADE;
