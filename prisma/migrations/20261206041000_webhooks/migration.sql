-- Webhooks (issue 29 item 3). An owner's subscriptions, the events owed to them and one delivery row per subscription
-- per event. Triggers record the event and its deliveries in the same transaction as the fact they announce (a claim
-- made final, a remittance matched to a claim), whichever statement writes it, so a crash neither loses nor invents
-- one; ingest's delivery worker sends the pending rows (services/ingest/src/webhooks/delivery). Events are thin: ids
-- and statuses, never the claim itself (the receiver reads GET /v1/claims/{id}).
CREATE TABLE "ledger"."webhook_subscription" (
    "id" UUID NOT NULL,
    "owner" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[] NOT NULL,
    -- The whsec_ signing secret, AES-256-GCM under WEBHOOK_SECRETS_KEY (never stored in clear).
    "secret_sealed" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT "webhook_subscription_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "webhook_subscription_owner_idx" ON "ledger"."webhook_subscription" ("owner", "created_at");

CREATE TABLE "ledger"."webhook_event" (
    "id" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT "webhook_event_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ledger"."webhook_delivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subscription_id" UUID NOT NULL REFERENCES "ledger"."webhook_subscription" ("id") ON DELETE CASCADE,
    "event_id" TEXT NOT NULL REFERENCES "ledger"."webhook_event" ("id") ON DELETE CASCADE,
    -- pending | delivered | failed
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Retries stop once the retry window has passed since this instant (creation, or the last redelivery asked for).
    "retry_from" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "last_attempt_at" TIMESTAMPTZ,
    "last_response_code" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_delivery_once_key" UNIQUE ("subscription_id", "event_id")
);
CREATE INDEX "webhook_delivery_due_idx" ON "ledger"."webhook_delivery" ("next_attempt_at") WHERE "status" = 'pending';
CREATE INDEX "webhook_delivery_event_idx" ON "ledger"."webhook_delivery" ("event_id");
CREATE INDEX "webhook_event_created_idx" ON "ledger"."webhook_event" ("created_at");
CREATE INDEX "webhook_delivery_subscription_idx" ON "ledger"."webhook_delivery" ("subscription_id", "created_at" DESC, "id");

-- Records one event of this type for the owner, with a delivery per subscription to it; nothing without subscribers.
-- The id is given (not random) so that one fact announced by several rows of a statement is one event.
CREATE FUNCTION "ledger"."webhook_event_owed"(p_id TEXT, p_owner TEXT, p_type TEXT, p_data JSONB)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "ledger"."webhook_subscription" s WHERE s."owner" = p_owner AND p_type = ANY(s."events")) THEN
    RETURN;
  END IF;
  INSERT INTO "ledger"."webhook_event" ("id", "owner", "type", "data")
  VALUES (p_id, p_owner, p_type, p_data) ON CONFLICT ("id") DO NOTHING;
  INSERT INTO "ledger"."webhook_delivery" ("subscription_id", "event_id")
  SELECT s."id", p_id FROM "ledger"."webhook_subscription" s WHERE s."owner" = p_owner AND p_type = ANY(s."events")
  ON CONFLICT ("subscription_id", "event_id") DO NOTHING;
END
$$;

-- claim.final: the claim reached a final status of the lifecycle (the same list as claim_result_owed's).
CREATE FUNCTION "ledger"."webhook_claim_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" IN ('priced', 'rejected', 'replaced', 'voided')
     AND (TG_OP = 'INSERT' OR OLD."status" IS DISTINCT FROM NEW."status") THEN
    PERFORM "ledger"."webhook_event_owed"(
      'evt_' || replace(gen_random_uuid()::text, '-', ''), NEW."submitter_id", 'claim.final',
      jsonb_strip_nulls(jsonb_build_object('claimId', NEW."id", 'submitterClaimId', NEW."submitter_claim_id",
        'status', NEW."status", 'replacedBy', NEW."replaced_by_id")));
  END IF;
  RETURN NULL;
END
$$;

-- WHEN: the function is not even called for the other statuses (three of a claim's four status writes). Measured on
-- the development Postgres, 10,000 final claims per INSERT, five interleaved runs (medians): 43 µs a row without this
-- trigger, 55 µs with it for an owner without webhooks, 106 µs for an owner with one (an event and a delivery row).
CREATE TRIGGER "webhook_claim_final"
    AFTER INSERT OR UPDATE OF "status" ON "ledger"."claim_ledger"
    FOR EACH ROW WHEN (NEW."status" IN ('priced', 'rejected', 'replaced', 'voided'))
    EXECUTE FUNCTION "ledger"."webhook_claim_final"();

-- remittance.matched: an 835 answered lines of the claim; one event per claim per transaction, however many lines.
CREATE FUNCTION "ledger"."webhook_remittance_matched"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  claim_number TEXT;
BEGIN
  SELECT c."submitter_claim_id" INTO claim_number FROM "ledger"."claim_ledger" c WHERE c."id" = NEW."claim_id";
  PERFORM "ledger"."webhook_event_owed"(
    'evt_rm_' || replace(NEW."claim_id"::text, '-', '') || '_' || txid_current()::text, NEW."submitter_id", 'remittance.matched',
    jsonb_strip_nulls(jsonb_build_object('claimId', NEW."claim_id", 'submitterClaimId', claim_number,
      'claimStatus', NEW."claim_status", 'payerClaimControlNumber', NEW."payer_claim_control_number")));
  RETURN NULL;
END
$$;

CREATE TRIGGER "webhook_remittance_matched"
    AFTER INSERT OR UPDATE ON "ledger"."remit_line_outcome"
    FOR EACH ROW EXECUTE FUNCTION "ledger"."webhook_remittance_matched"();
