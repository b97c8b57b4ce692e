import { ClaimSchema, toFhirClaimResponse, type ClaimOutcome, type FhirClaimResponse } from '@claimflow/domain';
import type { ClaimPricedV1 } from '@claimflow/contracts';

type Result = Pick<ClaimPricedV1, 'validation' | 'pricing'>;

/** The ledger's final result as a FHIR R4 ClaimResponse: allowed amounts per item, edits as reasons. */
export function toClaimResponse(claimJson: unknown, result: Result, created: Date): FhirClaimResponse | undefined {
  const claim = ClaimSchema.safeParse(claimJson);
  if (!claim.success) return undefined;
  const priced = result.pricing.kind === 'priced' ? new Map(result.pricing.lines.map((l) => [l.lineNumber, l])) : new Map();
  const outcome: ClaimOutcome = {
    created: created.toISOString(),
    lines: result.validation.lines.map((line) => ({
      lineNumber: line.lineNumber,
      outcome: line.outcome,
      allowed: priced.get(line.lineNumber)?.allowed ?? 0,
      medicarePayment: priced.get(line.lineNumber)?.medicarePayment ?? 0,
      edits: line.edits.map((e) => ({ code: e.code, severity: e.severity, message: e.message })),
    })),
    claimEdits: result.validation.edits
      .filter((e) => e.lines.length === 0)
      .map((e) => ({ code: e.code, severity: e.severity, message: e.message })),
    benefitPercent: 80,
    // Results stored before the three outcomes (issue #27) carry no notChecked: say nothing rather than guess.
    ...(Array.isArray(result.validation.notChecked) ? { checked: result.validation } : {}),
  };
  return toFhirClaimResponse(claim.data, outcome);
}
