import { ClaimListQuerySchema, CLAIM_LIST_DEFAULT_LIMIT, type ClaimListQuery } from '@claimflow/contracts';
import { err, ok, type Result } from '@claimflow/domain';
import { decodeCursor, type ListPosition } from '../http/keyset-cursor';

/** What GET /v1/claims asks for, checked: every filter optional, the page size known. */
export interface ClaimListFilter {
  readonly statuses?: readonly string[];
  /** ISO instants: received at or after `receivedSince`, before `receivedUntil`. */
  readonly receivedSince?: string;
  readonly receivedUntil?: string;
  /** A line date of service within [serviceFrom, serviceTo] (YYYY-MM-DD). */
  readonly serviceFrom?: string;
  readonly serviceTo?: string;
  readonly submitterClaimId?: string;
  readonly editCodes?: readonly string[];
  readonly denied?: boolean;
  readonly payerOutcome?: boolean;
  readonly limit: number;
  readonly after?: ListPosition;
}

export interface QueryProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

const instant = (s: string | undefined) => (s === undefined ? undefined : new Date(s.length === 10 ? `${s}T00:00:00Z` : s).toISOString());
const flag = (s: 'true' | 'false' | undefined) => (s === undefined ? undefined : s === 'true');

/** The query string as the handler needs it, or every problem found, each naming its parameter. */
export function parseClaimListQuery(query: unknown): Result<ClaimListFilter, QueryProblem[]> {
  const parsed = ClaimListQuerySchema.safeParse(query ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: key, code: 'PARAM_UNKNOWN', message: 'not a parameter of this list' }))
        : [{ path: String(issue.path[0] ?? 'query'), code: 'PARAM_INVALID', message: issue.message }],
    );
    // One problem per parameter: the first found.
    return err([...new Map(problems.reverse().map((p) => [p.path, p])).values()].reverse());
  }
  const q: ClaimListQuery = parsed.data;
  const problems: QueryProblem[] = [];
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  if (q.cursor !== undefined && !after)
    problems.push({
      path: 'cursor',
      code: 'CURSOR_INVALID',
      message: 'not a cursor from this list; pass the cursor of the previous page as is',
    });
  const [since, until] = [instant(q.receivedSince), instant(q.receivedUntil)];
  if (since && until && since >= until)
    problems.push({ path: 'receivedUntil', code: 'RANGE_EMPTY', message: 'must be after receivedSince' });
  if (q.serviceFrom && q.serviceTo && q.serviceFrom > q.serviceTo)
    problems.push({ path: 'serviceTo', code: 'RANGE_EMPTY', message: 'must be on or after serviceFrom' });
  if (problems.length > 0) return err(problems);
  return ok({
    statuses: q.status && [...new Set(q.status)],
    receivedSince: since,
    receivedUntil: until,
    serviceFrom: q.serviceFrom,
    serviceTo: q.serviceTo,
    submitterClaimId: q.submitterClaimId,
    editCodes: q.editCode && [...new Set(q.editCode)],
    denied: flag(q.denied),
    payerOutcome: flag(q.payerOutcome),
    limit: q.limit ?? CLAIM_LIST_DEFAULT_LIMIT,
    after,
  });
}
