import { submissionCtes } from './submission.sql';

/**
 * The ledger's set-based statements sent through its pg pool: each takes its rows as one JSON document, expanded by Postgres.
 */

/**
 * New claims ($1) and the messages they owe ($2, in order), each a JSON array of rows named as the columns (a claim's
 * list facets among them: service dates, edit codes, denied, as ingest computed them from the domain). A message
 * row may give, instead of its payload, the type of a message that carries one of these claims (payload_type) and the
 * claim's id (payload_claim): Postgres then builds that payload from the claim it inserts, so a new claim is sent and
 * parsed once, not twice. One that names no claim inserted here has no payload, which the column refuses (a
 * JSON null inside would not be refused: hence the CASE). With them the submissions whose claims they complete ($3,
 * submission.sql.ts), so that a submission of one batch is recorded in the same statement and commit as its claims.
 */
export const INSERT_CLAIMS_AND_OUTBOX = `
  WITH ${submissionCtes('$3')}, "claims" AS (
    INSERT INTO "claim_ledger" ("id", "submitter_id", "submitter_claim_id", "content_hash", "format", "frequency_code", "status",
      "correlation_id", "normalized_at", "validated_at", "priced_at", "rejected_at", "claim", "service_from", "service_to",
      "result", "edit_codes", "denied", "errors")
    SELECT v."id", v."submitter_id", v."submitter_claim_id", v."content_hash", v."format", v."frequency_code", v."status",
      v."correlation_id", v."normalized_at", v."validated_at", v."priced_at", v."rejected_at", v."claim", v."service_from",
      v."service_to", v."result", v."edit_codes", v."denied", v."errors"
    FROM jsonb_to_recordset($1::jsonb) AS v("id" uuid, "submitter_id" text, "submitter_claim_id" text, "content_hash" text,
      "format" text, "frequency_code" text, "status" text, "correlation_id" text, "normalized_at" timestamp(3),
      "validated_at" timestamp(3), "priced_at" timestamp(3), "rejected_at" timestamp(3), "claim" jsonb, "service_from" date,
      "service_to" date, "result" jsonb, "edit_codes" text[], "denied" boolean, "errors" jsonb)
    RETURNING "id", "claim"
  )
  INSERT INTO "claim_outbox" ("message_id", "topic", "message_key", "envelope", "payload")
  SELECT v."message_id", v."topic", v."message_key", v."envelope",
    COALESCE(v."payload", CASE WHEN c."id" IS NOT NULL THEN jsonb_build_object('type', v."payload_type", 'claim', c."claim") END)
  FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e("row", "position")
    CROSS JOIN LATERAL jsonb_to_record(e."row") AS v("message_id" text, "topic" text, "message_key" text, "envelope" jsonb,
      "payload" jsonb, "payload_type" text, "payload_claim" uuid)
    LEFT JOIN "claims" AS c ON c."id" = v."payload_claim"
  ORDER BY e."position"`;

/**
 * Claims rejected at intake ($1: rows named as the columns). A rejection seen before (a retry, or the same bad claim
 * twice) keeps its first row: the id on record is returned for every row, so it answers the same way every time.
 */
export const INSERT_REJECTED = `
  INSERT INTO claim_ledger (id, submitter_id, submitter_claim_id, content_hash, format, frequency_code, status, correlation_id,
    rejected_at, errors)
  SELECT v.id, v.submitter_id, v.submitter_claim_id, v.content_hash, v.format, v.frequency_code, v.status, v.correlation_id,
    now(), v.errors
  FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, submitter_id text, submitter_claim_id text, content_hash text, format text,
    frequency_code text, status text, correlation_id text, errors jsonb)
  ON CONFLICT (submitter_id, submitter_claim_id, content_hash) DO UPDATE SET id = claim_ledger.id
  RETURNING id::text AS id, submitter_id, submitter_claim_id, content_hash`;

/**
 * Decisions ($1: rows of the new status and columns), each applied only if the claim is still in the state it was taken
 * on. A decision that records a result gives its list facets (edit_codes, denied) with it.
 */
export const APPLY_DECISIONS = `
  UPDATE claim_ledger AS l SET
    status = v.status,
    normalized_at = CASE WHEN v.normalized THEN now() ELSE l.normalized_at END,
    validated_at = CASE WHEN v.validated THEN COALESCE(l.validated_at, now()) ELSE l.validated_at END,
    priced_at = CASE WHEN v.priced THEN now() ELSE l.priced_at END,
    rejected_at = CASE WHEN v.rejected THEN now() ELSE l.rejected_at END,
    result = COALESCE(v.result, l.result),
    edit_codes = COALESCE(v.edit_codes, l.edit_codes),
    denied = COALESCE(v.denied, l.denied),
    errors = COALESCE(v.errors, l.errors),
    replaced_by_id = COALESCE(v.replaced_by, l.replaced_by_id)
  FROM jsonb_to_recordset($1::jsonb) AS v(
    id uuid, from_status text, from_replaced uuid, from_validated boolean, status text, normalized boolean, validated boolean,
    priced boolean, rejected boolean, result jsonb, edit_codes text[], denied boolean, errors jsonb, replaced_by uuid)
  WHERE l.id = v.id AND l.status = v.from_status AND l.replaced_by_id IS NOT DISTINCT FROM v.from_replaced
    AND (l.validated_at IS NOT NULL) = v.from_validated
  RETURNING l.id::text AS id`;

/**
 * APPLY_DECISIONS ($1) and the message ids seen ($2: rows of message_id, claim_id) in one statement, so one transaction
 * and one round trip (it was BEGIN, the update, the inbox's insert and COMMIT, four). A message id of a claim whose
 * decision found it moved (in $1, not updated) is left out with it; those the inbox has already are left as they are.
 * Rows: `applied` and the id of each claim updated, `seen` and each message id the inbox had not seen before.
 */
export const APPLY_BATCH = `
  WITH "updated" AS (${APPLY_DECISIONS}
  ), "moved" AS (
    SELECT d.id FROM jsonb_to_recordset($1::jsonb) AS d(id text) EXCEPT SELECT u.id FROM "updated" AS u
  ), "noted" AS (
    INSERT INTO claim_inbox (message_id, claim_id)
    SELECT v.message_id, v.claim_id FROM jsonb_to_recordset($2::jsonb) AS v(message_id text, claim_id text)
    WHERE v.claim_id NOT IN (SELECT m.id FROM "moved" AS m)
    ON CONFLICT (message_id) DO NOTHING
    RETURNING message_id
  )
  SELECT 'applied' AS kind, u.id AS value FROM "updated" AS u
  UNION ALL SELECT 'seen' AS kind, n.message_id AS value FROM "noted" AS n`;
