import { Injectable } from '@nestjs/common';
import {
  SUBMISSION_LIST_DEFAULT_LIMIT,
  SubmissionListQuerySchema,
  type SameShape,
  type SubmissionListAnswerSchema,
  type SubmissionViewSchema,
} from '@claimflow/contracts';
import { CLAIM_LIFECYCLE_STATUSES, err, ok, type ClaimLifecycleStatus, type IntakeFormat, type Result } from '@claimflow/domain';
import { decodeCursor, encodeCursor } from '../http/keyset-cursor';
import { SubmissionsRepository, type SubmissionRow } from './submissions.repository';

const STATUSES: ReadonlySet<string> = new Set(CLAIM_LIFECYCLE_STATUSES);

/** A ledger row's status, which only the lifecycle decider writes; anything else is a defect, never served. */
function lifecycleStatus(status: string): ClaimLifecycleStatus {
  if (!STATUSES.has(status)) throw new Error('a ledger row has a status outside the claim lifecycle');
  return status as ClaimLifecycleStatus;
}

export interface ListProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

function summary(row: SubmissionRow, counts: Partial<Record<ClaimLifecycleStatus, number>>) {
  const self = `/v1/submissions/${row.id}`;
  return {
    submissionId: row.id,
    format: row.format as IntakeFormat,
    receivedAt: row.received_at,
    claimCount: Object.values(counts).reduce((total, n) => total + n, 0),
    counts,
    links: { self, ...(row.is_x12 ? { ack999: `${self}/999` } : {}) },
  };
}

const countsOf = (raw: Record<string, number> = {}) =>
  Object.fromEntries(Object.entries(raw).map(([status, n]) => [lifecycleStatus(status), n])) as Partial<
    Record<ClaimLifecycleStatus, number>
  >;

/** Submissions as their owner reads them: one with its claims, or a page of them newest first. */
@Injectable()
export class SubmissionsHandler {
  constructor(private readonly submissions: SubmissionsRepository) {}

  /** The owner's submission with its claims; another owner's is undefined, exactly like an unknown id. */
  async get(id: string, owner: string) {
    const row = await this.submissions.get(id, owner);
    if (!row) return undefined;
    const claims = (await this.submissions.claims(id)).map((c) => ({
      claimId: c.id,
      submitterClaimId: c.submitter_claim_id,
      status: lifecycleStatus(c.status),
      links: { self: `/v1/claims/${c.id}`, ack277ca: `/v1/claims/${c.id}/277ca` },
    }));
    const counts: Partial<Record<ClaimLifecycleStatus, number>> = {};
    for (const c of claims) counts[c.status] = (counts[c.status] ?? 0) + 1;
    return { ...summary(row, counts), claims };
  }

  /** A page of the owner's submissions, or every problem with the query (each naming its parameter). */
  async list(owner: string, query: unknown): Promise<Result<SubmissionList, ListProblem[]>> {
    const parsed = SubmissionListQuerySchema.safeParse(query ?? {});
    if (!parsed.success)
      return err(
        parsed.error.issues.flatMap((issue) =>
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((key) => ({ path: key, code: 'PARAM_UNKNOWN', message: 'not a parameter of this list' }))
            : [{ path: String(issue.path[0] ?? 'query'), code: 'PARAM_INVALID', message: issue.message }],
        ),
      );
    const { since, cursor, limit = SUBMISSION_LIST_DEFAULT_LIMIT } = parsed.data;
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    if (cursor !== undefined && !after) return err([{ path: 'cursor', code: 'PARAM_INVALID', message: 'not a cursor of this list' }]);
    const sinceAt = since === undefined ? undefined : new Date(since.length === 10 ? `${since}T00:00:00Z` : since).toISOString();
    // One row more than the page tells whether another page follows.
    const rows = await this.submissions.page(owner, sinceAt, after, limit + 1);
    const page = rows.slice(0, limit);
    const counts = await this.submissions.counts(page.map((r) => r.id));
    const submissions = page.map((r) => summary(r, countsOf(counts.get(r.id))));
    const last = page[page.length - 1];
    if (rows.length <= limit || !last) return ok({ submissions, links: {} });
    const next = encodeCursor({ receivedAt: last.received_at, id: last.id });
    const search = new URLSearchParams({ ...(since ? { since } : {}), limit: String(limit), cursor: next });
    return ok({ submissions, cursor: next, links: { next: `/v1/submissions?${search.toString()}` } });
  }
}

type SubmissionList = {
  submissions: ReturnType<typeof summary>[];
  cursor?: string;
  links: { next?: string };
};

// What is served is what the document says (libs/contracts), both ways.
const _view: SameShape<typeof SubmissionViewSchema, NonNullable<Awaited<ReturnType<SubmissionsHandler['get']>>>> = true;
const _list: SameShape<typeof SubmissionListAnswerSchema, SubmissionList> = true;
void _view;
void _list;
