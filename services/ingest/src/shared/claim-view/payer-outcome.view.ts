import { editsByLine } from '../ledger-facts';
import type { ClaimViewRepository } from './claim-view.repository';

type OutcomeRows = Awaited<ReturnType<ClaimViewRepository['outcomesOf']>>;

/**
 * The payer's answer per line beside what ClaimFlow predicted (its deny and warn edits), from the result read whole
 * or as the ledger stores it (editsByLine); undefined before any 835.
 */
export function toPayerOutcome(rows: OutcomeRows, result: unknown) {
  if (rows.length === 0) return undefined;
  const edits = editsByLine(result);
  return {
    lines: rows.map((r) => {
      const flagged = (edits.get(r.lineNumber) ?? []).filter((e) => e.severity !== 'info');
      return {
        lineNumber: r.lineNumber,
        outcome: r.outcome,
        carc: r.carcCodes,
        rarc: r.rarcCodes,
        charge: Number(r.chargeCents) / 100,
        paid: Number(r.paidCents) / 100,
        claimStatus: r.claimStatus,
        payerClaimControlNumber: r.payerClaimControlNumber,
        paidOn: r.paidOn?.toISOString().slice(0, 10),
        predicted: { denied: flagged.some((e) => e.severity === 'deny'), edits: flagged.map((e) => e.code) },
      };
    }),
  };
}
