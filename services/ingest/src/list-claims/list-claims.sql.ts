import type { ClaimListFilter } from './list-claims.query';

/** A statement and its parameters, values always bound (never spliced into the text). */
export interface ListStatement {
  readonly text: string;
  readonly values: unknown[];
}

const UTC = (p: string) => `(${p}::timestamptz AT TIME ZONE 'UTC')`;
const ISO = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The columns of a list item: small facts only (the claim and result documents stay in the row). */
const COLUMNS = `
  l."id"::text AS "id", l."submitter_claim_id", l."format", l."frequency_code", l."status", l."correlation_id",
  l."replaced_by_id"::text AS "replaced_by_id", ${ISO('l."received_at"')} AS "received_at",
  ${ISO('COALESCE(l."priced_at", l."rejected_at")')} AS "final_at", l."service_from"::text AS "service_from",
  l."service_to"::text AS "service_to", l."edit_codes", l."denied",
  l."received_at" AS "sort_at", l."id" AS "sort_id"`;

/**
 * The page with, for each of its claims, whether an 835 answered it: probed per listed claim through the
 * remittance key once the page is cut (an EXISTS in the page's own select list may be planned as a hash of
 * every answer in the table, or probed for every matching claim before the sort).
 */
const withAnswers = (page: string) => `
  SELECT p.*, o."answered" IS NOT NULL AS "payer_outcome" FROM (${page}) AS p
  LEFT JOIN LATERAL (SELECT true AS "answered" FROM "ledger"."remit_line_outcome" r WHERE r."claim_id" = p."sort_id" LIMIT 1) AS o ON true
  ORDER BY p."sort_at" DESC, p."sort_id" DESC`;

/**
 * One page of an owner's claims, newest first: keyset on (received_at, id) after the cursor, never OFFSET.
 * Each filter is one condition an index of migration 20261206000000_claim_list serves; the planner picks
 * between reading the owner's claims in order (dense filters) and the filter's own index (sparse ones).
 * Several statuses read one ordered range each, merged: a single range over `status = ANY` would have to
 * collect and sort every matching claim of the owner.
 */
export function listClaimsStatement(owner: string, filter: ClaimListFilter): ListStatement {
  const values: unknown[] = [owner];
  const bind = (value: unknown) => `$${values.push(value)}`;
  const where = ['l."submitter_id" = $1'];
  if (filter.receivedSince) where.push(`l."received_at" >= ${UTC(bind(filter.receivedSince))}`);
  if (filter.receivedUntil) where.push(`l."received_at" < ${UTC(bind(filter.receivedUntil))}`);
  // Overlap of the claim's dates of service with the range asked for.
  if (filter.serviceFrom) where.push(`l."service_to" >= ${bind(filter.serviceFrom)}::date`);
  if (filter.serviceTo) where.push(`l."service_from" <= ${bind(filter.serviceTo)}::date`);
  if (filter.submitterClaimId) where.push(`l."submitter_claim_id" = ${bind(filter.submitterClaimId)}`);
  // The expression of the owner-and-code GIN index (the migration's ledger.owner_edit_keys), on both sides.
  if (filter.editCodes)
    where.push(`ledger.owner_edit_keys(l."submitter_id", l."edit_codes") && ledger.owner_edit_keys($1, ${bind(filter.editCodes)}::text[])`);
  if (filter.denied !== undefined) where.push(filter.denied ? 'l."denied"' : 'NOT l."denied"');
  if (filter.payerOutcome !== undefined) {
    // A scalar subquery, probed per claim read in order: an EXISTS becomes a semi-join the planner may start from
    // every answer of the owner (its estimate of how many claims match is poor), fetching and sorting them all.
    const answer = `(SELECT true FROM "ledger"."remit_line_outcome" r WHERE r."claim_id" = l."id" LIMIT 1)`;
    where.push(
      filter.payerOutcome
        ? `${answer} IS NOT NULL`
        : `NOT EXISTS (SELECT 1 FROM "ledger"."remit_line_outcome" r WHERE r."claim_id" = l."id")`,
    );
  }
  if (filter.after) where.push(`(l."received_at", l."id") < (${UTC(bind(filter.after.receivedAt))}, ${bind(filter.after.id)}::uuid)`);
  // One row more than the page tells whether another page follows.
  const limit = bind(filter.limit + 1);
  const page = (conditions: readonly string[]) =>
    `SELECT ${COLUMNS} FROM "ledger"."claim_ledger" l WHERE ${conditions.join(' AND ')}
     ORDER BY l."received_at" DESC, l."id" DESC LIMIT ${limit}`;
  const statuses = filter.statuses ?? [];
  if (statuses.length <= 1) {
    const conditions = statuses.length === 1 ? [...where, `l."status" = ${bind(statuses[0])}`] : where;
    return { text: withAnswers(page(conditions)), values };
  }
  const branches = statuses.map((status) => `(${page([...where, `l."status" = ${bind(status)}`])})`);
  return {
    text: withAnswers(`SELECT * FROM (${branches.join(' UNION ALL ')}) AS u ORDER BY u."sort_at" DESC, u."sort_id" DESC LIMIT ${limit}`),
    values,
  };
}
