import type { ClaimLedgerRepository } from '../ledger/claim-ledger.repository';

type LedgerRow = NonNullable<Awaited<ReturnType<ClaimLedgerRepository['getOwned']>>>;

/** What GET /v1/claims/{id} answers: status with timestamps and, once done, the full result. */
export function toClaimView(row: LedgerRow) {
  return {
    claimId: row.id,
    submitterId: row.submitterId || undefined,
    submitterClaimId: row.submitterClaimId,
    format: row.format,
    frequencyCode: row.frequencyCode,
    status: row.status,
    correlationId: row.correlationId,
    replacedBy: row.replacedById ?? undefined,
    timestamps: {
      received: row.receivedAt,
      normalized: row.normalizedAt ?? undefined,
      validated: row.validatedAt ?? undefined,
      priced: row.pricedAt ?? undefined,
      rejected: row.rejectedAt ?? undefined,
    },
    claim: row.claim ?? undefined,
    result: row.result ?? undefined,
    errors: row.errors ?? undefined,
  };
}

export type ClaimView = ReturnType<typeof toClaimView>;
