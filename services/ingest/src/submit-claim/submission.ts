import type { Claim, IntakeFormat } from '@claimflow/domain';
import type { Envelope, FieldError } from '@claimflow/contracts';
import type { LedgerEntry } from '../ledger/claim-ledger.repository';

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

/** A claim normalized at intake, on its way to the ledger. */
export interface Normalized {
  /** The claim's position in its submission. */
  readonly index: number;
  readonly claim: Claim;
  readonly entry: LedgerEntry;
  readonly envelope: Envelope;
}
