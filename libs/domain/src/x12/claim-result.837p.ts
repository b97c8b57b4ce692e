import { err } from '../shared/result';
import { FieldError, fieldError } from '../intake/field-error';
import { MAX_LINES, normalizeClaim } from '../intake/normalize/normalize-claim';
import { BillingContext, ClaimDraft837, sourceOf, SubscriberContext, toClaimInput } from './claim-draft.837p';
import type { Parse837Options, X12Position, X12Result } from './x12-result';

/** The one problem that stands for those past the held number. */
export const unlisted = (count: number, where: string, source: string): FieldError =>
  fieldError('', 'TOO_MANY_ERRORS', `${count} more problems in this ${where} were found and not listed`, source);

/** What the assembler holds beside a claim when it ends: the claim's loops above it, and the problems it did not list. */
export interface HeldContext {
  readonly billing?: BillingContext;
  readonly subscriber?: SubscriberContext;
  readonly unlistedErrors: number;
}

/**
 * A finished 837P claim as a result: its structural problems (those of its billing and subscriber loops, a missing
 * billing provider, a CLM02 total off the line charges, too many lines) beside those of the normalized claim.
 */
export function claimResult(claim: ClaimDraft837, position: X12Position, held: HeldContext, options: Parse837Options): X12Result {
  const structural: FieldError[] = [...(held.billing?.errors ?? []), ...(held.subscriber?.errors ?? []), ...claim.errors];
  if (held.unlistedErrors > 0) structural.push(unlisted(held.unlistedErrors, 'claim', `CLM segment ${claim.segment}`));
  if (!held.billing)
    structural.push(
      fieldError('billingProvider', 'REQUIRED', 'no billing provider HL (HL03 = 20) before this claim', `CLM segment ${claim.segment}`),
    );
  const mismatch = totalMismatch(claim);
  if (mismatch) structural.push(fieldError('lines', 'X12_TOTAL_MISMATCH', mismatch, `CLM segment ${claim.segment}`));
  if (claim.lineCount > MAX_LINES) {
    structural.push(
      fieldError(
        'lines',
        'TOO_MANY_LINES',
        `an 837P claim holds at most ${MAX_LINES} lines, got ${claim.lineCount}`,
        `CLM segment ${claim.segment}`,
      ),
    );
  }
  const claimId =
    options.claimIdFor?.(position, claim.submitterClaimId) ?? `x12-${position.interchange}-${position.transactionSet ?? ''}-${claim.index}`;
  const input = toClaimInput(claim, held.billing, held.subscriber, MAX_LINES);
  const normalized = normalizeClaim(input, { claimId, submitterId: options.submitterId });
  const found = normalized.ok
    ? structural
    : [
        ...structural,
        ...normalized.error.map((e) => ({ ...e, source: e.source ?? sourceOf(e.path, claim, held.billing, held.subscriber) })),
      ];
  const result = found.length ? err(found) : normalized;
  return { scope: 'claim', position, submitterClaimId: claim.submitterClaimId, frequencyCode: claim.frequencyCode, result };
}

/** CLM02 must equal the sum of SV102 (837P implementation guide, 2300 CLM02 note). */
function totalMismatch(claim: ClaimDraft837): string | undefined {
  if (claim.charge === undefined || claim.lineCount !== claim.lines.length) return undefined;
  const cents = (v: string | undefined) => Math.round(Number(v ?? 0) * 100);
  const sum = claim.lines.reduce((acc, l) => acc + cents(l.charge), 0);
  if (Number.isNaN(sum) || Number.isNaN(cents(claim.charge)) || sum === cents(claim.charge)) return undefined;
  return `CLM02 total ${claim.charge} does not equal the sum of the line charges, ${(sum / 100).toFixed(2)}`;
}
