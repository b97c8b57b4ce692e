import { isFinalStatus, type Claim, type FieldError } from '@claimflow/domain';
import { TOPICS, rootEnvelope, type ClaimNormalizedV2, type Envelope } from '@claimflow/contracts';
import type { IngestMetrics } from '../ingest.metrics';
import {
  LedgerConflict,
  rejectionKey,
  type ClaimLedgerRepository,
  type RejectedEntry,
  type SeenSubmission,
} from '../ledger/claim-ledger.repository';
import { decideAll, type ClaimCommandOn, type ClaimDecision } from '../ledger/decide-all';
import type { OutboxMessage } from '../outbox/outbox-message';
import type { OutboxRelay } from '../outbox/outbox-relay';
import { voidRejection } from './nothing-to-void';
import type { Normalized, SubmissionOutcome } from './submission';
import { completedSubmissions, type SubmissionDraft } from './submission-draft';

/** A normalized claim and the submission its result is reported to. */
export interface IntakeItem {
  readonly item: Normalized;
  readonly outcome: SubmissionOutcome;
  /** The item's submission, when it is to be recorded with its claims (all in this write). */
  readonly submission?: SubmissionDraft;
}

/** A claim refused at intake: its entry, the bounded errors its submitter is answered with, and where it is answered. */
export interface IntakeRejection extends Omit<RejectedEntry, 'events'> {
  readonly index: number;
  readonly outcome: SubmissionOutcome;
  readonly submitterClaimId?: string;
  readonly errors: readonly FieldError[];
  /** Errors found but not listed. */
  readonly omitted?: number;
}

type Fresh = Normalized & { readonly outcome: SubmissionOutcome };
/** A command's origin: a fresh claim to record, or the superseding claim (by id) a supersession was asked by. */
type Origin = { readonly fresh: Fresh } | { readonly by: string };

const normalizedMessage = (claim: Claim, envelope: Envelope): OutboxMessage => ({
  messageId: envelope.id,
  topic: TOPICS.claimsNormalized,
  key: claim.claimId,
  envelope,
  payload: { type: 'ClaimNormalized.v2', claim } satisfies ClaimNormalizedV2,
});

const noneMoved: ReadonlySet<string> = new Set();

/** The submissions a write completes, from the claims it records and those it refuses (completedSubmissions). */
type SubmissionsOf = (recorded: readonly Fresh[], refused: readonly Fresh[]) => ReturnType<typeof completedSubmissions>;

/**
 * Intake's side of the ledger: which claims are new, re-driven or duplicates, what they supersede, and which voids
 * cancel nothing, each decided by the lifecycle through the ledger's command handler (decideAll) and appended with the
 * messages owed, all or nothing.
 */
export class IntakeLedger {
  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly relay: OutboxRelay,
    private readonly metrics: IngestMetrics,
  ) {}

  /** Results are reported to each item's own submission; an item accepted twice is reported once (the second as a duplicate). */
  async accept(batch: readonly IntakeItem[]): Promise<void> {
    const seen = new Map((await this.ledger.findSubmissions(batch.map((b) => b.item.entry))).map((row) => [rejectionKey(row), row]));
    const fresh: Fresh[] = [];
    const duplicates: (SeenSubmission & { outcome: SubmissionOutcome })[] = [];
    for (const { item, outcome } of batch) {
      // Seen before, or earlier in this same batch: either way, processed once.
      const earlier = seen.get(rejectionKey(item.entry));
      if (earlier) duplicates.push({ ...earlier, outcome });
      else {
        seen.set(rejectionKey(item.entry), { ...item.entry, status: 'received' });
        fresh.push({ ...item, outcome });
      }
    }
    const redriven = await this.redrive(duplicates);
    const drafts = new Map(batch.flatMap((b) => (b.submission ? [[b.outcome, b.submission] as const] : [])));
    const { recorded, voids } = await this.record(fresh, redriven, (claims, refused) =>
      completedSubmissions(drafts, duplicates, claims, refused),
    );
    if (voids.length > 0)
      await this.refuse(
        voids.map((v) => ({ index: v.index, outcome: v.outcome, submitterClaimId: v.entry.submitterClaimId, ...voidRejection(v.entry) })),
      );
    for (const { outcome, ...earlier } of duplicates)
      outcome.accepted.push({
        claimId: earlier.id,
        submitterClaimId: earlier.submitterClaimId,
        status: 'duplicate',
        correlationId: earlier.correlationId,
      });
    for (const { claim, envelope, outcome } of recorded)
      outcome.accepted.push({
        claimId: claim.claimId,
        submitterClaimId: claim.submitterClaimId,
        status: 'accepted',
        correlationId: envelope.correlationId,
      });
  }

  /** Claims refused at intake, recorded as the lifecycle decides (received, then rejected); a rejection seen before answers with its first id. */
  async refuse(rejections: readonly IntakeRejection[]): Promise<void> {
    let ids = new Map<string, string>();
    const append = async (decisions: readonly ClaimDecision<IntakeRejection>[]) => {
      ids = await this.ledger.recordRejected(decisions.map((d) => ({ ...d.accepted[0].meta, events: d.events })));
      return noneMoved;
    };
    const commands = rejections.map(
      (r) => ({ claimId: r.entry.id, command: { type: 'RecordIntakeRejection', errors: r.errors }, meta: r }) as const,
    );
    const { decided } = await decideAll({ load: async () => new Map(), append }, commands);
    if (decided.some((d) => d.refused.length > 0)) throw new Error('the lifecycle refused to record a rejection of a new claim');
    if (rejections.length > 0) this.metrics.claimsFinal.inc({ status: 'rejected' }, rejections.length);
    for (const r of rejections)
      r.outcome.rejected.push({
        index: r.index,
        claimId: ids.get(rejectionKey(r.entry)) ?? r.entry.id,
        submitterClaimId: r.submitterClaimId,
        errors: r.errors,
        ...(r.omitted ? { errorsOmitted: r.omitted } : {}),
      });
  }

  /**
   * A resubmitted claim with no result yet is sent on again (unless its message is still waiting in the outbox):
   * whatever held it up, the submitter's retry gets it moving. Consumers and the lifecycle make a second delivery harmless.
   */
  private async redrive(duplicates: readonly SeenSubmission[]): Promise<OutboxMessage[]> {
    const open = duplicates.filter((d) => d.claim && !isFinalStatus(d.status));
    const waiting = await this.ledger.withUnsentMessages(open.map((d) => d.id));
    const unique = new Map(open.filter((d) => !waiting.has(d.id)).map((d) => [d.id, d]));
    return [...unique.values()].map((d) => normalizedMessage(d.claim as Claim, rootEnvelope('ClaimNormalized.v2', d.correlationId)));
  }

  /**
   * Fresh claims recorded as normalized, with the messages they owe; a replacement (frequency 7) or void (8)
   * supersedes every earlier submission of its claim (a void, none the ledger refused: a claim refused at intake is
   * no claim the payer has). A void that supersedes nothing is not recorded here: it is answered among `voids`.
   */
  private async record(fresh: readonly Fresh[], redriven: readonly OutboxMessage[], submissionsOf: SubmissionsOf) {
    const freshIds = new Set(fresh.map((f) => f.entry.id));
    const superseding = fresh.filter((f) => f.entry.frequencyCode === '7' || f.entry.frequencyCode === '8');
    const earlier = superseding.length > 0 ? await this.ledger.findSupersedable(superseding.map((s) => s.entry)) : [];
    const commands: ClaimCommandOn<Origin>[] = [];
    for (const { entry: by } of superseding) {
      const kind = by.frequencyCode === '8' ? 'void' : 'replace';
      const mine = earlier.filter((r) => r.submitterId === by.submitterId && r.submitterClaimId === by.submitterClaimId);
      for (const row of kind === 'void' ? mine.filter((r) => r.state.status !== 'rejected') : mine)
        commands.push({ claimId: row.id, command: { type: 'Supersede', by: by.id, kind }, meta: { by: by.id } });
    }
    for (const f of fresh) commands.push({ claimId: f.entry.id, command: { type: 'RecordNormalized' }, meta: { fresh: f } });
    let outcome = { recorded: [] as Fresh[], voids: [] as Fresh[] };
    const append = async (decisions: readonly ClaimDecision<Origin>[]) => {
      const supersedes = new Set(decisions.flatMap((d) => d.accepted.flatMap((a) => ('by' in a.meta ? [a.meta.by] : []))));
      const isVoidOfNothing = (f: Fresh) => f.entry.frequencyCode === '8' && !supersedes.has(f.entry.id);
      const claims = decisions.flatMap((d) =>
        d.accepted.flatMap((a) => ('fresh' in a.meta ? [{ ...a.meta.fresh, events: d.events }] : [])),
      );
      const recorded = claims.filter((c) => !isVoidOfNothing(c));
      const messages = [...recorded.map((c) => normalizedMessage(c.claim, c.envelope)), ...redriven];
      const submissions = submissionsOf(recorded, claims.filter(isVoidOfNothing));
      try {
        const updates = decisions.filter((d) => !freshIds.has(d.claimId) && d.events.length > 0);
        if (recorded.length > 0 || messages.length > 0 || updates.length > 0 || submissions.length > 0)
          await this.ledger.record(
            recorded,
            updates,
            messages,
            submissions.map((s) => s.record),
          );
      } catch (error) {
        // All or nothing: every claim of the batch is decided again.
        if (error instanceof LedgerConflict) return new Set(decisions.map((d) => d.claimId));
        throw error;
      }
      submissions.forEach((s) => (s.draft.recorded = true));
      if (messages.length > 0) this.relay.wake();
      outcome = { recorded, voids: claims.filter(isVoidOfNothing) };
      return noneMoved;
    };
    // Only re-driven messages to send: nothing to decide, the outbox is written all the same.
    if (commands.length === 0) await append([]);
    const load = (ids: readonly string[]) => this.ledger.states(ids.filter((id) => !freshIds.has(id)));
    const { decided, moved } = await decideAll({ load, append }, commands);
    if (moved.length > 0) throw new LedgerConflict();
    if (decided.some((d) => freshIds.has(d.claimId) && d.refused.length > 0)) throw new Error('the lifecycle refused a new claim');
    return outcome;
  }
}
