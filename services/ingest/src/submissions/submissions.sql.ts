/** The reads of GET /v1/submissions and GET /v1/submissions/{id}, owner-scoped, values always bound. */

const ISO = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const UTC = (p: string) => `(${p}::timestamptz AT TIME ZONE 'UTC')`;

const COLUMNS = `s."id"::text AS "id", s."format", ${ISO('s."received_at"')} AS "received_at", s."x12" IS NOT NULL AS "is_x12"`;

/** One submission of the owner ($1 id, $2 owner): another owner's is not found, exactly like an unknown id. */
export const GET_SUBMISSION = `SELECT ${COLUMNS} FROM "ledger"."submission" s WHERE s."id" = $1::uuid AND s."submitter_id" = $2`;

/**
 * A page of the owner's submissions ($1 owner, $2 since or null, $3 and $4 the cursor position or null, $5 rows),
 * newest first: keyset on (received_at, id) over the index submission_owner_received_idx, never OFFSET.
 */
export const LIST_SUBMISSIONS = `
  SELECT ${COLUMNS} FROM "ledger"."submission" s
  WHERE s."submitter_id" = $1
    AND ($2::text IS NULL OR s."received_at" >= ${UTC('$2')})
    AND ($3::text IS NULL OR (s."received_at", s."id") < (${UTC('$3')}, $4::uuid))
  ORDER BY s."received_at" DESC, s."id" DESC
  LIMIT $5`;

/** The claims of one submission ($1), in the order they were answered. */
export const SUBMISSION_CLAIMS = `
  SELECT l."id"::text AS "id", l."submitter_claim_id", l."status"
  FROM "ledger"."submission_claim" c JOIN "ledger"."claim_ledger" l ON l."id" = c."claim_id"
  WHERE c."submission_id" = $1::uuid
  ORDER BY c."position"`;

/** Claims by status of these submissions ($1 ids). */
export const SUBMISSION_COUNTS = `
  SELECT c."submission_id"::text AS "id", l."status", count(*)::int AS "count"
  FROM "ledger"."submission_claim" c JOIN "ledger"."claim_ledger" l ON l."id" = c."claim_id"
  WHERE c."submission_id" = ANY($1::uuid[])
  GROUP BY 1, 2`;
