import type { Claim } from '../claim/claim.schema';
import type { ValidationInput } from '../pricing/validation-input';
import { correctedClaim } from './corrected-claim';
import type { ValidationResult } from './edit';
import { lineResults } from './line-results';
import { claimOutcome, refreshCommand } from './outcome';

/**
 * What validating a claim found, each edit stated once: everything else in a ValidationResult (the lines, the
 * outcome, the corrected claim, the refresh command) follows from it and the claim (completeValidation). The
 * compact messages (ClaimValidated.v2, ClaimPriced.v2) carry this, not the whole result.
 */
export type ValidationFindings = Pick<ValidationResult, 'edits' | 'notChecked' | 'releases'>;

export const findingsOf = ({ edits, notChecked, releases }: ValidationResult): ValidationFindings => ({ edits, notChecked, releases });

/** The whole result of validating `claim` from its findings: validateClaim's own result, field for field. */
export function completeValidation(claim: Claim, { edits, notChecked, releases }: ValidationFindings): ValidationResult {
  const lines = lineResults(claim, edits, notChecked);
  const command = refreshCommand(notChecked);
  return {
    claimId: claim.claimId,
    outcome: claimOutcome(lines, edits, notChecked),
    notChecked,
    ...(command ? { refreshCommand: command } : {}),
    edits,
    lines,
    correctedClaim: correctedClaim(claim, edits),
    releases,
  };
}

/** What pricing needs of the findings (each line's denials), without the rest of the result: a cheaper hop. */
export const validationInputOf = (claim: Claim, { edits, notChecked }: ValidationFindings): ValidationInput => ({
  lines: lineResults(claim, edits, notChecked),
});
