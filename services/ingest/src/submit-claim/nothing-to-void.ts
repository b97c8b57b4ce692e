import { createHash } from 'node:crypto';
import { fieldError, type FieldError } from '@claimflow/domain';
import type { LedgerEntry } from '../ledger/claim-ledger.repository';

/**
 * A void (frequency 8, X12 CLM05-3) tells the payer to cancel a claim it already has; one that names no
 * earlier claim of its submitter (same submitter claim id) cancels nothing, and pricing it as a new claim would
 * answer something the biller never asked. It is refused at intake: 422 NOTHING_TO_VOID.
 */
export const NOTHING_TO_VOID: FieldError = fieldError(
  'frequencyCode',
  'NOTHING_TO_VOID',
  'a void (frequency 8) must have the claim id of a claim this submitter sent before; none matches',
);

/** The ledger entry of a refused void: identified by its errors, so the same void sent again is the same rejection. */
export function voidRejection(entry: LedgerEntry): { readonly entry: LedgerEntry; readonly errors: readonly FieldError[] } {
  const errors = [NOTHING_TO_VOID];
  return { entry: { ...entry, contentHash: createHash('sha256').update(JSON.stringify(errors)).digest('hex') }, errors };
}
