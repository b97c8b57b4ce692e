-- Transactional outbox of ingest: written in the same transaction as the ledger rows, published by the relay in id order.
CREATE TABLE "claim_outbox" (
    "id" BIGSERIAL NOT NULL,
    "message_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "message_key" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "claim_outbox_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "claim_outbox_message_id_key" ON "claim_outbox"("message_id");

-- What the relay reads: unsent rows, oldest first.
CREATE INDEX "claim_outbox_unsent_idx" ON "claim_outbox"("id") WHERE "sent_at" IS NULL;

CREATE INDEX "claim_outbox_key_idx" ON "claim_outbox"("message_key");

-- Inbox of ingest: the envelope id of every result already applied to the ledger, so a redelivery is recognised.
CREATE TABLE "claim_inbox" (
    "message_id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_inbox_pkey" PRIMARY KEY ("message_id")
);
