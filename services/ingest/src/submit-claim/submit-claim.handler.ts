import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  boundErrors,
  claimLifecycle,
  decodeClaims,
  ErrorBudget,
  type Claim,
  type ClaimCommand,
  type DecodedClaim,
  type FieldError,
} from '@claimflow/domain';
import { TOPICS, childEnvelope, rootEnvelope, type ClaimNormalizedV1, type Envelope } from '@claimflow/contracts';
import { isRetriable } from '@claimflow/kafka';
import { isTransientDatabaseError } from '@claimflow/runtime';
import { IngestMetrics } from '../ingest.metrics';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import {
  ClaimLedgerRepository,
  LedgerConflict,
  rejectionKey,
  type Decision,
  type LedgerEntry,
  type NewClaim,
  type RejectedEntry,
} from '../ledger/claim-ledger.repository';
import { FINAL_STATUSES } from '../ledger/claim-status';
import type { OutboxMessage } from '../outbox/outbox-message';
import { OutboxRelay } from '../outbox/outbox-relay';
import { withinDeadline } from './intake-unavailable';
import { NOTHING_TO_VOID, voidRejection } from './nothing-to-void';
import type { IntakeFormat, SubmissionOutcome } from './submission';

export interface SubmitCommand {
  readonly format: IntakeFormat;
  readonly payload: unknown;
  readonly submitterId?: string;
  /** The envelope of the message that carried the submission, when it came over Kafka. */
  readonly parent?: Envelope;
  readonly correlationId?: string;
  /**
   * How long the first write to the ledger may take before the submission is refused as
   * unavailable (HTTP answers 503 rather than hold the request); later batches of a large
   * submission are not limited, since the database has answered by then.
   */
  readonly firstWriteDeadlineMs?: number;
  /** W3C traceparent of the HTTP request, continued by every message the claim causes. */
  readonly traceparent?: string;
}

interface Normalized {
  /** The claim's position in its submission. */
  readonly index: number;
  readonly claim: Claim;
  readonly entry: LedgerEntry;
  readonly envelope: Envelope;
}

/** A batch of one submission waiting to be written, with the outcome its results go to. */
interface PendingBatch {
  readonly items: readonly Normalized[];
  readonly outcome: SubmissionOutcome;
  readonly done: { resolve(): void; reject(error: unknown): void };
}

/** Claims are recorded in batches: one query and one transaction each. */
const BATCH = 250;
/** Batches of one submission written or waiting to be, while the next is decoded: bounds what a large file holds in memory. */
const WRITES_IN_FLIGHT = 2;

/** Content identity of a claim: everything the submitter sent, minus the id we assigned. */
function contentHash(claim: Claim): string {
  const { claimId: _id, ...content } = claim;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** CLM01 is at most 38 characters; a longer or missing id is replaced by the claim's position. */
const MAX_SUBMITTER_CLAIM_ID = 38;

interface Rejection extends RejectedEntry {
  readonly index: number;
  readonly submitterClaimId?: string;
  readonly errors: readonly FieldError[];
  readonly omitted: number;
}

const submissionKey = (e: Pick<LedgerEntry, 'submitterId' | 'submitterClaimId' | 'contentHash'>) =>
  `${e.submitterId}\u0000${e.submitterClaimId}\u0000${e.contentHash}`;

/** A lifecycle command that cannot be refused on a claim never seen; a refusal here is a bug. */
function decideNew(command: ClaimCommand) {
  const decision = claimLifecycle.decide(command, claimLifecycle.initialState());
  if (!decision.ok) throw new Error(`lifecycle refused ${command.type} on a new claim: ${decision.error.code}`);
  return decision.value;
}

/** A decision taken on an earlier claim that moved meanwhile is taken again, a few times. */
async function retryConflicts<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof LedgerConflict) || attempt >= attempts) throw error;
    }
  }
}

const normalizedMessage = (claim: Claim, envelope: Envelope): OutboxMessage => ({
  messageId: envelope.id,
  topic: TOPICS.claimsNormalized,
  key: claim.claimId,
  envelope,
  payload: { type: 'ClaimNormalized.v1', claim } satisfies ClaimNormalizedV1,
});

/**
 * Intake: a claim is acknowledged once its ledger row and the message it owes the validator are
 * committed together in Postgres; the outbox relay delivers the message, whatever happens to this
 * process or the broker in between.
 */
@Injectable()
export class SubmitClaimHandler {
  private readonly queue: PendingBatch[] = [];
  private flushing = false;

  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly relay: OutboxRelay,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    private readonly metrics: IngestMetrics,
  ) {}

  async submit(command: SubmitCommand): Promise<SubmissionOutcome> {
    const outcome: SubmissionOutcome = { format: command.format, accepted: [], rejected: [], errors: [] };
    let confirmed = command.firstWriteDeadlineMs === undefined;
    const write = async (work: () => Promise<void>) => {
      if (confirmed) return work();
      await withinDeadline(work(), command.firstWriteDeadlineMs!);
      confirmed = true;
    };
    // After the first write, the next batch is decoded while the one before it is written.
    const inFlight: Promise<void>[] = [];
    const send = async (items: readonly Normalized[]) => {
      if (!confirmed) return write(() => this.enqueue(items, outcome));
      const written = this.enqueue(items, outcome);
      written.catch(() => undefined); // awaited below; a failure surfaces there
      inFlight.push(written);
      if (inFlight.length >= WRITES_IN_FLIGHT) await inFlight.shift();
    };
    const budget = new ErrorBudget();
    const rejections: Rejection[] = [];
    let batch: Normalized[] = [];
    const decoded = decodeClaims(command.format, command.payload, {
      submitterId: command.submitterId,
      newId: randomUUID,
      maxClaims: this.config.INGEST_MAX_CLAIMS,
    });
    for await (const item of decoded) {
      if ('submissionError' in item) this.submissionError(item.submissionError, budget, outcome);
      else if (!item.result.ok) rejections.push(this.rejection(item, item.result.error, command, budget));
      else batch.push(this.normalized(item.index, item.result.value, command));
      if (batch.length >= BATCH) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
    await Promise.all(inFlight);
    if (rejections.length > 0) await write(() => this.recordRejections(rejections, outcome));
    return outcome;
  }

  private submissionError(error: FieldError, budget: ErrorBudget, outcome: SubmissionOutcome): void {
    const { errors, omitted } = budget.take([error]);
    outcome.errors.push(...errors);
    if (omitted > 0) outcome.errorsOmitted = (outcome.errorsOmitted ?? 0) + omitted;
  }

  /**
   * Submissions arriving side by side (a consumed batch of single-claim messages) are written
   * together: while one write is in flight the next ones queue, and go as one query and one
   * transaction. Two submissions of the same claim never share a write, so a replacement finds the
   * claim it replaces already recorded, as it would one after the other.
   */
  private enqueue(items: readonly Normalized[], outcome: SubmissionOutcome): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ items, outcome, done: { resolve, reject } });
      if (!this.flushing) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group: PendingBatch[] = [];
        const claims = new Set<string>();
        let size = 0;
        for (const next of this.queue) {
          const keys = next.items.map((i) => `${i.entry.submitterId}\u0000${i.entry.submitterClaimId}`);
          if (group.length > 0 && (size + next.items.length > BATCH || keys.some((k) => claims.has(k)))) break;
          group.push(next);
          keys.forEach((k) => claims.add(k));
          size += next.items.length;
        }
        this.queue.splice(0, group.length);
        await this.write(group).catch(async (error: unknown) => {
          // One submission the database refuses must not fail the others: each alone, then.
          if (group.length > 1 && !isRetriable(error, isTransientDatabaseError))
            for (const g of group) await this.write([g]).catch((e: unknown) => g.done.reject(e));
          else group.forEach((g) => g.done.reject(error));
        });
      }
    } finally {
      this.flushing = false;
    }
  }

  private envelope(command: SubmitCommand): Envelope {
    return command.parent
      ? childEnvelope(command.parent, 'ClaimNormalized.v1')
      : rootEnvelope('ClaimNormalized.v1', command.correlationId, undefined, command.traceparent);
  }

  private normalized(index: number, claim: Claim, command: SubmitCommand): Normalized {
    const envelope = this.envelope(command);
    const entry: LedgerEntry = {
      id: claim.claimId,
      submitterId: claim.submitterId ?? command.submitterId ?? '',
      submitterClaimId: claim.submitterClaimId,
      contentHash: contentHash(claim),
      format: command.format,
      frequencyCode: claim.frequencyCode,
      correlationId: envelope.correlationId,
    };
    return { index, claim, entry, envelope };
  }

  /**
   * A rejected claim's ledger entry, decided by the lifecycle. Its identity is the submitter, the claim
   * id and a hash of its (bounded) errors, so the same bad claim sent again is the same rejection.
   */
  private rejection(item: DecodedClaim, errors: FieldError[], command: SubmitCommand, budget: ErrorBudget): Rejection {
    const id = item.submitterClaimId;
    const submitterClaimId = id !== undefined && id.length > 0 && id.length <= MAX_SUBMITTER_CLAIM_ID ? id : undefined;
    const answered = budget.take(errors);
    const stored = boundErrors(errors).errors;
    const entry: LedgerEntry = {
      id: randomUUID(),
      submitterId: command.submitterId ?? '',
      submitterClaimId: submitterClaimId ?? `#${item.index}`,
      contentHash: createHash('sha256').update(JSON.stringify(stored)).digest('hex'),
      format: command.format,
      frequencyCode: ['1', '7', '8'].includes(item.frequencyCode ?? '1') ? (item.frequencyCode ?? '1') : '1',
      correlationId: this.envelope(command).correlationId,
    };
    const events = decideNew({ type: 'RecordIntakeRejection', errors: [...answered.errors] });
    return { index: item.index, submitterClaimId, entry, events, errors: answered.errors, omitted: answered.omitted };
  }

  /** Every rejection of the submission in one statement; a rejection seen before answers with its first id. */
  private async recordRejections(rejections: readonly Rejection[], outcome: SubmissionOutcome): Promise<void> {
    const ids = await this.ledger.recordRejected(rejections);
    if (rejections.length > 0) this.metrics.claimsFinal.inc({ status: 'rejected' }, rejections.length);
    for (const r of rejections)
      outcome.rejected.push({
        index: r.index,
        claimId: ids.get(rejectionKey(r.entry)) ?? r.entry.id,
        submitterClaimId: r.submitterClaimId,
        errors: r.errors,
        ...(r.omitted > 0 ? { errorsOmitted: r.omitted } : {}),
      });
  }

  private async write(group: readonly PendingBatch[]): Promise<void> {
    const items = group.flatMap((g) => g.items.map((item) => ({ item, outcome: g.outcome })));
    await retryConflicts(() => this.accept(items));
    group.forEach((g) => g.done.resolve());
  }

  /** Results are reported to each item's own submission; an item accepted twice is reported once (the second as a duplicate). */
  private async accept(batch: readonly { item: Normalized; outcome: SubmissionOutcome }[]): Promise<void> {
    // Seen before, or earlier in this same batch: either way, processed once.
    const seen = new Map<string, LedgerEntry & { status?: string; claim?: unknown }>(
      (await this.ledger.findSubmissions(batch.map((b) => b.item.entry))).map((row) => [submissionKey(row), row]),
    );
    const fresh: (Normalized & { outcome: SubmissionOutcome })[] = [];
    const duplicates: (LedgerEntry & { status?: string; claim?: unknown; outcome: SubmissionOutcome })[] = [];
    for (const { item, outcome } of batch) {
      const earlier = seen.get(submissionKey(item.entry));
      if (earlier) {
        duplicates.push({ ...earlier, outcome });
        continue;
      }
      seen.set(submissionKey(item.entry), item.entry);
      fresh.push({ ...item, outcome });
    }
    const redriven = await this.redrive(duplicates);
    const superseded = await this.supersede(fresh.map((f) => f.entry));
    const decisions = superseded.decisions;
    const voidsOfNothing = fresh.filter((f) => superseded.voidsOfNothing.has(f.entry.id));
    fresh.splice(0, fresh.length, ...fresh.filter((f) => !superseded.voidsOfNothing.has(f.entry.id)));
    const claims: NewClaim[] = fresh.map(({ claim, entry }) => ({ entry, claim, events: decideNew({ type: 'RecordNormalized' }) }));
    const messages = [...fresh.map(({ claim, envelope }) => normalizedMessage(claim, envelope)), ...redriven];
    if (claims.length > 0 || decisions.length > 0 || messages.length > 0) {
      await this.ledger.record(claims, decisions, messages);
      if (messages.length > 0) this.relay.wake();
    }
    if (voidsOfNothing.length > 0) await this.refuseVoids(voidsOfNothing);
    for (const { outcome, ...earlier } of duplicates)
      outcome.accepted.push({
        claimId: earlier.id,
        submitterClaimId: earlier.submitterClaimId,
        status: 'duplicate',
        correlationId: earlier.correlationId,
      });
    for (const { claim, envelope, outcome } of fresh)
      outcome.accepted.push({
        claimId: claim.claimId,
        submitterClaimId: claim.submitterClaimId,
        status: 'accepted',
        correlationId: envelope.correlationId,
      });
  }

  /**
   * A resubmitted claim with no result yet is sent on again (unless its message is still waiting
   * in the outbox): whatever held it up, the submitter's retry gets it moving. Consumers and the
   * lifecycle make a second delivery harmless.
   */
  private async redrive(duplicates: readonly (LedgerEntry & { status?: string; claim?: unknown })[]): Promise<OutboxMessage[]> {
    const open = duplicates.filter((d) => d.claim && d.status && !FINAL_STATUSES.has(d.status));
    const waiting = await this.ledger.withUnsentMessages(open.map((d) => d.id));
    const unique = new Map(open.filter((d) => !waiting.has(d.id)).map((d) => [d.id, d]));
    return [...unique.values()].map((d) => normalizedMessage(d.claim as Claim, rootEnvelope('ClaimNormalized.v1', d.correlationId)));
  }

  /** Voids that superseded nothing: refused (422 NOTHING_TO_VOID), recorded as rejections, never priced. */
  private async refuseVoids(voids: readonly (Normalized & { outcome: SubmissionOutcome })[]): Promise<void> {
    const rejections = voids.map((v) => voidRejection(v.entry));
    const ids = await this.ledger.recordRejected(rejections);
    this.metrics.claimsFinal.inc({ status: 'rejected' }, voids.length);
    voids.forEach((v, i) =>
      v.outcome.rejected.push({
        index: v.index,
        claimId: ids.get(rejectionKey(rejections[i].entry)) ?? v.entry.id,
        submitterClaimId: v.entry.submitterClaimId,
        errors: [NOTHING_TO_VOID],
      }),
    );
  }

  /**
   * A replacement (frequency 7) or void (8) supersedes every earlier submission of that claim; a void that
   * supersedes none is named in voidsOfNothing.
   */
  private async supersede(entries: readonly LedgerEntry[]): Promise<{ decisions: Decision[]; voidsOfNothing: Set<string> }> {
    const superseding = entries.filter((e) => e.frequencyCode === '7' || e.frequencyCode === '8');
    const earlier = superseding.length > 0 ? await this.ledger.findSupersedable(superseding) : [];
    const decisions: Decision[] = [];
    const voidsOfNothing = new Set<string>();
    for (const by of superseding) {
      const kind = by.frequencyCode === '8' ? 'void' : 'replace';
      let superseded = false;
      // A void cancels a claim the payer may have; a claim refused at intake (an earlier void of nothing, too) is none.
      const mine = earlier.filter((r) => r.submitterId === by.submitterId && r.submitterClaimId === by.submitterClaimId);
      for (const row of kind === 'void' ? mine.filter((r) => r.status !== 'rejected') : mine) {
        if (decisions.some((d) => d.claimId === row.id)) continue;
        const decision = claimLifecycle.decide({ type: 'Supersede', by: by.id, kind }, row.state);
        if (decision.ok) decisions.push({ claimId: row.id, from: row.state, events: decision.value });
        superseded ||= decision.ok;
      }
      if (kind === 'void' && !superseded) voidsOfNothing.add(by.id);
    }
    return { decisions, voidsOfNothing };
  }
}
