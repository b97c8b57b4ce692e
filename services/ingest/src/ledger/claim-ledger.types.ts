import type { ClaimEvent, ClaimLifecycleState } from '@claimflow/domain';
import { RetriableError } from '@claimflow/kafka';

/** What the claim ledger records and answers: entries, the lifecycle's decisions, and batch outcomes. */
export interface LedgerEntry {
  readonly id: string;
  readonly submitterId: string;
  readonly submitterClaimId: string;
  readonly contentHash: string;
  readonly format: string;
  readonly frequencyCode: string;
  readonly correlationId: string;
}

/** What the lifecycle decided for one claim, to be persisted as it is. */
export interface Decision {
  readonly claimId: string;
  /** The state the decision was taken on: the write applies only if the row is still there. */
  readonly from: ClaimLifecycleState;
  readonly events: readonly ClaimEvent[];
}

/** A submission seen before, as intake needs it: its entry, status and (for a re-drive) the claim. */
export type SeenSubmission = LedgerEntry & { readonly status: string; readonly claim?: unknown };

/** An earlier submission of a claim, not yet superseded, with the state a supersession is decided on. */
export interface SupersedableClaim {
  readonly id: string;
  readonly submitterId: string;
  readonly submitterClaimId: string;
  readonly state: ClaimLifecycleState;
}

export interface RejectedEntry {
  readonly entry: LedgerEntry;
  /** What the lifecycle decided for the new claim (received, then rejected at intake). */
  readonly events: readonly ClaimEvent[];
  /** The bounded list the submitter was answered with. */
  readonly errors: readonly object[];
}

/** The ledger's unique submission key as one string. */
export const rejectionKey = (e: Pick<LedgerEntry, 'submitterId' | 'submitterClaimId' | 'contentHash'>) =>
  `${e.submitterId}\u0000${e.submitterClaimId}\u0000${e.contentHash}`;

export interface NewClaim {
  readonly entry: LedgerEntry;
  readonly claim?: object;
  /** `claim` as JSON, when intake has written it already (writeClaim): the row takes this text as it is. */
  readonly claimJson?: string;
  readonly events: readonly ClaimEvent[];
}

/** The claim moved while a decision was taken on it: decide again on its new state. */
export class LedgerConflict extends RetriableError {
  constructor() {
    super('the claim moved while a decision was taken on it');
    this.name = 'LedgerConflict';
  }
}

/** Decisions on one claim from one or more result messages, folded in order. */
export interface BatchDecision extends Decision {
  readonly messageIds: readonly string[];
}

export interface InboxEntry {
  readonly messageId: string;
  readonly claimId: string;
}

export interface BatchResult {
  /** Claims that moved since their decision: nothing was written for them. */
  readonly conflicts: ReadonlySet<string>;
  /** Message ids the inbox had not seen before this batch. */
  readonly firstSeen: ReadonlySet<string>;
}
