/** The reads of the acknowledgment routes, owner-scoped, values always bound. */

const ISO = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** What the 999 of one submission of the owner ($1 id, $2 owner) is written from. */
export const SUBMISSION_FINDINGS = `
  SELECT s."x12", ${ISO('s."received_at"')} AS "received_at" FROM "ledger"."submission" s
  WHERE s."id" = $1::uuid AND s."submitter_id" = $2`;

/**
 * One claim of the owner ($1 id, $2 owner) as its 277CA needs it, with the first submission it came in (the 277CA
 * batch) and that submission's interchange parties when it was an 837.
 */
export const CLAIM_FOR_277CA = `
  SELECT l."id"::text AS "id", l."submitter_claim_id", l."status", l."claim", l."errors",
    ${ISO('l."received_at"')} AS "received_at", ${ISO('COALESCE(l."priced_at", l."rejected_at", l."validated_at", l."received_at")')} AS "final_at",
    f."submission_id", f."sender", f."receiver", f."usage"
  FROM "ledger"."claim_ledger" l
  LEFT JOIN LATERAL (
    SELECT s."id"::text AS "submission_id", s."x12" -> 'sender' AS "sender", s."x12" -> 'receiver' AS "receiver", s."x12" ->> 'usage' AS "usage"
    FROM "ledger"."submission_claim" c JOIN "ledger"."submission" s ON s."id" = c."submission_id"
    WHERE c."claim_id" = l."id" ORDER BY s."received_at" LIMIT 1
  ) AS f ON true
  WHERE l."id" = $1::uuid AND l."submitter_id" = $2`;

/** The next interchange and group control number of an acknowledgment (migration 20261206040000_submissions). */
export const NEXT_ACK_CONTROL = `SELECT nextval('"ledger"."ack_control_seq"')::int AS "control"`;
