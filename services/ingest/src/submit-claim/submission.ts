import type { IntakeFormat } from '@claimflow/domain';
import type { FieldError } from '@claimflow/contracts';

export type { IntakeFormat } from '@claimflow/domain';

export interface AcceptedClaim {
  readonly claimId: string;
  readonly submitterClaimId: string;
  readonly status: 'accepted' | 'duplicate';
  readonly correlationId: string;
}

export interface RejectedClaim {
  readonly index: number;
  readonly claimId: string;
  readonly submitterClaimId?: string;
  /** At most 100 per claim, and 1,000 for the whole submission. */
  readonly errors: readonly FieldError[];
  /** Errors found but not listed, when there were more. */
  readonly errorsOmitted?: number;
}

export interface SubmissionOutcome {
  readonly format: IntakeFormat;
  readonly accepted: AcceptedClaim[];
  readonly rejected: RejectedClaim[];
  /** A problem with the submission as a whole (envelope, limits), not with one claim. */
  readonly errors: FieldError[];
  /** Submission errors found but not listed (the error budget was used up). */
  errorsOmitted?: number;
}
