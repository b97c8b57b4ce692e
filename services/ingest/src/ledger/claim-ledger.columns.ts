import type { LedgerDb } from '@claimflow/db-ledger';
import type { ClaimEvent, ClaimLifecycleState } from '@claimflow/domain';

/** A JSON column as Prisma types it. */
export type Json = Parameters<LedgerDb['claimLedger']['create']>[0]['data']['claim'];

/** The row columns a run of events sets, beyond the status and replacement the lifecycle folds to. */
export function columnsOf(events: readonly ClaimEvent[], now: Date): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const event of events) {
    switch (event.type) {
      case 'ClaimReceived':
        break;
      case 'ClaimNormalized':
        columns.normalizedAt = now;
        break;
      case 'ClaimValidated':
        columns.validatedAt = now;
        columns.result = event.result as Json;
        break;
      case 'ClaimPriced':
        columns.pricedAt = now;
        columns.result = event.result as Json;
        break;
      case 'ClaimRejected':
        columns.rejectedAt = now;
        columns.errors = event.errors as Json;
        break;
      case 'ClaimReplaced':
      case 'ClaimVoided':
        columns.replacedById = event.by;
        break;
      default:
        return event satisfies never;
    }
  }
  return columns;
}

export const stateOf = (row: { status: string; replacedById: string | null } | null): ClaimLifecycleState =>
  row
    ? row.replacedById
      ? { status: row.status as 'normalized', replacedBy: row.replacedById }
      : { status: row.status as 'normalized' }
    : { status: 'unknown' };
