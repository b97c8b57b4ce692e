/**
 * Submissions (rows of id, submitter_id, format, x12, claim_ids in the JSON array `param`), each with its control
 * number for the 999 from ledger.ack_control_seq, and their claims: the CTEs `submissions` and `submission_claims` of a
 * statement, ahead of its own. A submission recorded before (a Kafka message delivered again) keeps its first record.
 */
export const submissionCtes = (param: string) => `
  "submission_rows" AS (
    SELECT * FROM jsonb_to_recordset(${param}::jsonb) AS v("id" uuid, "submitter_id" text, "format" text, "x12" jsonb, "claim_ids" jsonb)
  ), "submissions" AS (
    INSERT INTO "ledger"."submission" ("id", "submitter_id", "format", "x12")
    SELECT v."id", v."submitter_id", v."format",
      CASE WHEN v."x12" IS NULL THEN NULL ELSE v."x12" || jsonb_build_object('control', nextval('"ledger"."ack_control_seq"')) END
    FROM "submission_rows" AS v
    ON CONFLICT ("id") DO NOTHING
    RETURNING "id"
  ), "submission_claims" AS (
    INSERT INTO "ledger"."submission_claim" ("submission_id", "claim_id", "position")
    SELECT s."id", c."claim_id"::uuid, c."position"
    FROM "submissions" AS s JOIN "submission_rows" AS v ON v."id" = s."id",
      jsonb_array_elements_text(v."claim_ids") WITH ORDINALITY AS c("claim_id", "position")
    ON CONFLICT DO NOTHING
  )`;

/** Submissions ($1) alone. */
export const INSERT_SUBMISSIONS = `WITH ${submissionCtes('$1')} SELECT count(*)::int AS recorded FROM "submissions"`;
