/**
 * What the ledger reads before it decides, as set-based statements through its pg pool: each takes its keys as one
 * JSON document ($1), expanded by Postgres (a join on the keys, rather than an OR of hundreds of conditions).
 */

/** Submissions seen before ($1: rows of submitter_id, submitter_claim_id, content_hash), with what a re-drive needs. */
export const FIND_SUBMISSIONS = `
  SELECT l.id::text AS id, l.submitter_id, l.submitter_claim_id, l.content_hash, l.format, l.frequency_code,
         l.correlation_id, l.status, l.claim
  FROM claim_ledger l
  JOIN jsonb_to_recordset($1::jsonb) AS k(submitter_id text, submitter_claim_id text, content_hash text)
    ON l.submitter_id = k.submitter_id AND l.submitter_claim_id = k.submitter_claim_id AND l.content_hash = k.content_hash`;

/** The lifecycle state's columns of one ledger row. */
const STATE = `l.id::text AS id, l.status, l.replaced_by_id::text AS replaced_by, l.validated_at IS NOT NULL AS validated`;

/** Earlier submissions, not yet superseded, of these claims ($1: rows of id, submitter_id, submitter_claim_id). */
export const FIND_SUPERSEDABLE = `
  SELECT DISTINCT ${STATE}, l.submitter_id, l.submitter_claim_id
  FROM claim_ledger l
  JOIN jsonb_to_recordset($1::jsonb) AS k(id uuid, submitter_id text, submitter_claim_id text)
    ON l.submitter_id = k.submitter_id AND l.submitter_claim_id = k.submitter_claim_id AND l.id <> k.id
  WHERE l.replaced_by_id IS NULL`;

/**
 * The state of these claims ($1: an array of ids), looked up in the primary key as FIND_SEEN's are in the inbox: as
 * IN (SELECT ...) of the 100 rows Postgres assumes of a set-returning function, 30,000 narrow rows were read whole for
 * a hash join, analyzed or not (EXPLAIN, development Postgres 15; the ledger's wide rows put that further off).
 */
export const FIND_STATES = `
  SELECT ${STATE} FROM claim_ledger l WHERE l.id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::uuid))`;

/** Which of these claims ($1: an array of ids) have a message still waiting in the outbox. */
export const FIND_UNSENT = `
  SELECT DISTINCT message_key AS id FROM claim_outbox
  WHERE sent_at IS NULL AND message_key IN (SELECT jsonb_array_elements_text($1::jsonb))`;

/**
 * Which of these message ids ($1: an array) the inbox holds. As an array, so the keys are looked up in the inbox's
 * index whatever its size: as IN (SELECT ...) of the 100 rows Postgres assumes of a set-returning function, an inbox
 * of some thousands of ids (a quiet deployment's, the pipeline bench's) was read whole and hashed for every batch:
 * 20,000 ids, 100 asked, 2.9 ms that way, 0.7 ms by the index (EXPLAIN ANALYZE, development Postgres 15).
 */
export const FIND_SEEN = `
  SELECT message_id FROM claim_inbox WHERE message_id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))`;
