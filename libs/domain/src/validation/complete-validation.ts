import type { Claim } from '../claim/claim.schema';
import type { ValidationInput } from '../pricing/validation-input';
import { correctedClaim } from './corrected-claim';
import type { Edit, ValidationResult } from './edit';
import { lineResults } from './line-results';
import { claimOutcome, refreshCommand } from './outcome';
import { gapEditsOf } from './refdata-gaps';

/**
 * What validating a claim found, each edit stated once: everything else in a ValidationResult (the lines, the
 * outcome, the corrected claim, the refresh command) follows from it and the claim (completeValidation). The
 * compact messages (ClaimValidated.v2, ClaimPriced.v2) carry this, not the whole result. The REFDATA_UNAVAILABLE
 * warns are left out when `notChecked` states them (findingsOf), and derived from it again (editsOf).
 */
export type ValidationFindings = Pick<ValidationResult, 'edits' | 'notChecked' | 'releases'>;

const isGap = (e: Edit) => e.code === 'REFDATA_UNAVAILABLE';

/** The result's findings, without the REFDATA_UNAVAILABLE warns when its notChecked gives them back exactly. */
export function findingsOf({ edits, notChecked, releases }: ValidationResult): ValidationFindings {
  const gaps = gapEditsOf(notChecked);
  const n = gaps.length;
  // validateClaim puts them first; anything else (a line number the claim repeats) keeps them as they are.
  const derived = n > 0 && gaps.every((g, i) => i < edits.length && same(g, edits[i])) && !edits.slice(n).some(isGap);
  return { edits: derived ? edits.slice(n) : edits, notChecked, releases };
}

/**
 * The edits of the findings, the REFDATA_UNAVAILABLE warns of `notChecked` first as validateClaim has them; unless
 * the findings carry some already (findings as an earlier build wrote them, or kept by findingsOf).
 */
export function editsOf({ edits, notChecked }: Pick<ValidationFindings, 'edits' | 'notChecked'>): readonly Edit[] {
  if (!notChecked.length || edits.some(isGap)) return edits;
  const gaps = gapEditsOf(notChecked);
  return gaps.length ? [...gaps, ...edits] : edits;
}

/** The whole result of validating `claim` from its findings: validateClaim's own result, field for field. */
export function completeValidation(claim: Claim, findings: ValidationFindings): ValidationResult {
  const { notChecked, releases } = findings;
  const edits = editsOf(findings);
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
export const validationInputOf = (claim: Claim, findings: ValidationFindings): ValidationInput => ({
  lines: lineResults(claim, editsOf(findings), findings.notChecked),
});

/** Structural equality of JSON values, key order aside. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && same(x[k], y[k]));
}
