import type { Claim } from '../claim/claim.schema';
import type { Result } from '../shared/result';
import type { FieldError } from '../intake/field-error';

/** Where in the interchange a result comes from. */
export interface X12Position {
  /** ISA13 interchange control number. */
  readonly interchange: string;
  /** GS06 group control number. */
  readonly group?: string;
  /** ST02 transaction set control number. */
  readonly transactionSet?: string;
  /** Ordinal of the transaction set's ST segment within the interchange (ISA = 1): IK302 counts from it. */
  readonly transactionSetStart?: number;
  /** 1-based CLM count within the transaction set. */
  readonly claimIndex?: number;
  /** Ordinal of the CLM (or offending) segment within the interchange, ISA = 1. */
  readonly segment: number;
}

/**
 * One claim (scope 'claim') or one envelope problem (scope 'envelope': control numbers,
 * segment counts, syntax outside any claim). Envelope problems arrive after the claims they
 * concern, because claims are emitted as soon as they end.
 */
export interface X12Result {
  readonly scope: 'claim' | 'envelope';
  readonly position: X12Position;
  /** CLM01, the submitter's patient control number. */
  readonly submitterClaimId?: string;
  /** CLM05-3 as written (1 original, 7 replacement, 8 void), also when the claim fails. */
  readonly frequencyCode?: string;
  readonly result: Result<Claim, FieldError[]>;
}

export interface Parse837Options {
  /** ClaimFlow id for each claim; defaults to `x12-<ISA13>-<ST02>-<n>`. */
  readonly claimIdFor?: (position: X12Position, submitterClaimId: string | undefined) => string;
  readonly submitterId?: string;
}
