import type { SubmissionRecord } from '../ledger/submission-ledger.repository';
import type { SubmissionOutcome } from './submission';

/**
 * A submission whose claims all go to the ledger in one write, none refused (every Kafka submission, an HTTP one of
 * up to a batch): recorded in the same statement and commit as its claims, not in a write of its own after them (one
 * commit, and its wait for the WAL, fewer: measured in ingest's quiet phase, that insert took 5.3-7.8 ms at the median,
 * 11-15 ms at p90, on every intake write).
 */
export interface SubmissionDraft {
  readonly header: Omit<SubmissionRecord, 'claimIds'>;
  /** Set once the ledger has it, with its claims; until then the submission is recorded as before, after them. */
  recorded: boolean;
}

/**
 * The drafts' records, each with its claim ids in the order intake answers them (IntakeLedger.accept: the duplicates,
 * then the claims recorded); none for a submission with a claim refused at the write (a void of nothing), whose ids
 * are known only once that refusal is written.
 */
export function completedSubmissions(
  drafts: ReadonlyMap<SubmissionOutcome, SubmissionDraft>,
  duplicates: readonly { readonly outcome: SubmissionOutcome; readonly id: string }[],
  recorded: readonly { readonly outcome: SubmissionOutcome; readonly claim: { readonly claimId: string } }[],
  refused: readonly { readonly outcome: SubmissionOutcome }[],
): { draft: SubmissionDraft; record: SubmissionRecord }[] {
  if (drafts.size === 0) return [];
  const claimIds = new Map<SubmissionOutcome, string[]>();
  const add = (outcome: SubmissionOutcome, id: string) => (claimIds.get(outcome) ?? claimIds.set(outcome, []).get(outcome)!).push(id);
  duplicates.forEach((d) => add(d.outcome, d.id));
  recorded.forEach((r) => add(r.outcome, r.claim.claimId));
  const withRefusals = new Set(refused.map((r) => r.outcome));
  return [...drafts]
    .filter(([outcome]) => !withRefusals.has(outcome))
    .map(([outcome, draft]) => ({ draft, record: { ...draft.header, claimIds: claimIds.get(outcome) ?? [] } }));
}
