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
      case 'LateValidationRecorded':
        // The pricing result (which carries the validation too) stays the claim's result; only the time is noted.
        columns.validatedAt = now;
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

/** A ledger row's lifecycle state; `validatedAt` (when selected) says whether a validation result is on record. */
export const stateOf = (row: { status: string; replacedById: string | null; validatedAt?: Date | null } | null): ClaimLifecycleState =>
  row
    ? {
        status: row.status as 'normalized',
        ...(row.replacedById ? { replacedBy: row.replacedById } : {}),
        ...(row.validatedAt ? { validated: true as const } : {}),
      }
    : { status: 'unknown' };
