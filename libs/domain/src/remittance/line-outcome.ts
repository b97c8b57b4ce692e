import type { RemitAdjustment, RemitClaim, RemitLine } from '../x12/remit-835.types';

/**
 * What the payer did with one line:
 * - paid: allowed under its fee schedule, with only routine adjustments (the contractual
 *   fee-schedule reduction CO-45, the patient's deductible/coinsurance/co-payment PR-1/2/3 and
 *   sequestration CO-253), even when the patient's share took all of it;
 * - adjusted: allowed in part for another reason (fewer units, multiple-procedure reduction, ...);
 * - denied: nothing paid for a reason other than the routine ones;
 * - reversed: the claim payment is a reversal (CLP02 22) of an earlier one.
 */
export type PayerLineOutcome = 'paid' | 'adjusted' | 'denied' | 'reversed';

const ROUTINE = new Set(['CO-45', 'CO-253', 'PR-1', 'PR-2', 'PR-3']);

export const adjustmentCode = (a: RemitAdjustment): string => `${a.group}-${a.reason}`;
export const isRoutineAdjustment = (a: RemitAdjustment): boolean => ROUTINE.has(adjustmentCode(a));

/** The adjustments that explain a line: its own, or the claim's when the line carries none. */
export function lineAdjustments(line: RemitLine, claim: RemitClaim): readonly RemitAdjustment[] {
  return line.adjustments.length > 0 ? line.adjustments : claim.adjustments;
}

export function lineOutcome(line: RemitLine, claim: RemitClaim): PayerLineOutcome {
  if (claim.status === '22') return 'reversed';
  const unusual = lineAdjustments(line, claim).filter((a) => !isRoutineAdjustment(a) && a.amount !== 0);
  if (line.paid <= 0 && line.charge > 0 && (unusual.length > 0 || claim.status === '4')) return 'denied';
  return unusual.length > 0 ? 'adjusted' : 'paid';
}

/** The reasons behind a denial or reduction, as GROUP-CARC (routine ones left out), without repeats. */
export function lineReasonCodes(line: RemitLine, claim: RemitClaim): string[] {
  const codes = lineAdjustments(line, claim)
    .filter((a) => !isRoutineAdjustment(a))
    .map(adjustmentCode);
  return [...new Set(codes)];
}

/** The line's remark codes and the claim's (MOA/MIA), without repeats. */
export function lineRemarkCodes(line: RemitLine, claim: RemitClaim): string[] {
  return [...new Set([...line.remarks, ...claim.remarks])];
}
