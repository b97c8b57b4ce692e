import { ClaimStatusSchema, ownerResultOf, readStoredResult, type SameShape } from '@claimflow/contracts';
import { CLAIM_LIFECYCLE_STATUSES, type ClaimLifecycleStatus } from '@claimflow/domain';
import type { ClaimlessRow, ClaimViewRepository } from './claim-view.repository';

type LedgerRow = NonNullable<Awaited<ReturnType<ClaimViewRepository['getOwned']>>>;

const STATUSES: ReadonlySet<string> = new Set(CLAIM_LIFECYCLE_STATUSES);

/** A ledger row's status, which only the lifecycle decider writes; anything else is a defect, never served. */
function lifecycleStatus(status: string): ClaimLifecycleStatus {
  if (!STATUSES.has(status)) throw new Error('a ledger row has a status outside the claim lifecycle');
  return status as ClaimLifecycleStatus;
}

/** What GET /v1/claims/{id} answers: status with timestamps and, once done, the full result (from either stored form). */
export function toClaimView(row: LedgerRow) {
  return {
    ...header(row),
    claim: row.claim ?? undefined,
    result: readStoredResult(row.result, row.claim),
    errors: row.errors ?? undefined,
  };
}

/** An owner's ClaimResult.v2: the view without the claim, its result each fact once (ownerResultOf); no claim read. */
export function toClaimResultV2(row: ClaimlessRow) {
  return { ...header(row), result: ownerResultOf(row.result), errors: row.errors ?? undefined };
}

function header(row: ClaimlessRow) {
  return {
    claimId: row.id,
    submitterId: row.submitterId || undefined,
    submitterClaimId: row.submitterClaimId,
    format: row.format,
    frequencyCode: row.frequencyCode,
    status: lifecycleStatus(row.status),
    correlationId: row.correlationId,
    replacedBy: row.replacedById ?? undefined,
    timestamps: {
      received: row.receivedAt,
      normalized: row.normalizedAt ?? undefined,
      validated: row.validatedAt ?? undefined,
      priced: row.pricedAt ?? undefined,
      rejected: row.rejectedAt ?? undefined,
    },
  };
}

export type ClaimView = ReturnType<typeof toClaimView>;
export type ClaimResultV2View = ReturnType<typeof toClaimResultV2>;

// The status served is the one the document lists (ClaimViewSchema), both being the lifecycle's.
const _served: SameShape<typeof ClaimStatusSchema, ClaimView['status']> = true;
void _served;
