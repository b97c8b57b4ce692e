import { createHash } from 'node:crypto';
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
  /** The submission's id: GET /v1/submissions/{id}. */
  readonly submissionId: string;
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
  /** The claim as JSON, as its ledger row stores it (writeClaim). */
  readonly claimJson: string;
  readonly entry: LedgerEntry;
  readonly envelope: Envelope;
}

/**
 * The submission a Kafka message is: one per message, named by where the message sits (topic, partition, offset), so
 * a message delivered again is the same submission. A UUID (version 8, name-based) from a SHA-256 of that place.
 */
export function messageSubmissionId(topic: string, partition: number, offset: string): string {
  const hex = createHash('sha256').update(`${topic}\u0000${partition}\u0000${offset}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
