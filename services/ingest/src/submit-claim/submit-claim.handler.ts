import { Inject, Injectable } from '@nestjs/common';
import { hash, randomUUID } from 'node:crypto';
import { boundErrors, decodeClaims, ErrorBudget, type Claim, type DecodedClaim, type FieldError } from '@claimflow/domain';
import { childEnvelope, rootEnvelope, type Envelope } from '@claimflow/contracts';
import { isRetriable } from '@claimflow/kafka';
import { isTransientDatabaseError } from '@claimflow/runtime';
import { IngestMetrics } from '../ingest.metrics';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { withinDeadline } from '../http/intake-unavailable';
import { ClaimLedgerRepository, type LedgerEntry } from '../ledger/claim-ledger.repository';
import { SubmissionLedgerRepository } from '../ledger/submission-ledger.repository';
import { X12Findings } from '../shared/x12-findings';
import { OutboxRelay } from '../outbox/outbox-relay';
import { MicroBatcher } from '../shared/micro-batcher';
import { IntakeLedger, type IntakeRejection } from './intake-ledger';
import type { SubmissionDraft } from './submission-draft';
import { writeClaim } from './written-claim';
import type { IntakeFormat, Normalized, SubmissionOutcome } from './submission';

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
  /** The submission's id when its carrier names it (a Kafka message, delivered again: the same submission); else a new one. */
  readonly submissionId?: string;
}

/** A batch of one submission waiting to be written, with the outcome its results go to. */
interface PendingBatch {
  readonly items: readonly Normalized[];
  readonly outcome: SubmissionOutcome;
  readonly submission?: SubmissionDraft;
}

/** Claims are recorded in batches: one query and one transaction each. */
const BATCH = 250;
// Batches of a submission written or queued (the ledger writes one at a time) while the next is decoded: bounds its
// memory and the queue ahead of other submissions. An 837P of 10,000 claims, bench pairs: 2 -> 4 faster in 5 of 5
// (medians 2,376 -> 2,454 claims/s); 8 in 5 of 6 (2,385 -> 2,527) with twice the queue.
const WRITES_IN_FLIGHT = 4;

/** CLM01 is at most 38 characters; a longer or missing id is replaced by the claim's position. */
const MAX_SUBMITTER_CLAIM_ID = 38;

/**
 * Intake: a claim is acknowledged once its ledger row and the message it owes the validator are
 * committed together in Postgres; the outbox relay delivers the message, whatever happens to this
 * process or the broker in between.
 */
@Injectable()
export class SubmitClaimHandler {
  private readonly intake: IntakeLedger;
  /**
   * Submissions arriving side by side (a consumed batch of single-claim messages) are written together, up to BATCH
   * claims. Two submissions of the same claim never share a write, so a replacement finds the claim it replaces
   * already recorded, as it would one after the other.
   */
  private readonly batcher = new MicroBatcher<PendingBatch>({
    group: () => {
      const claims = new Set<string>();
      let size = 0;
      return (next, count) => {
        const keys = next.items.map((i) => `${i.entry.submitterId}\u0000${i.entry.submitterClaimId}`);
        if (count > 0 && (size + next.items.length > BATCH || keys.some((k) => claims.has(k)))) return false;
        keys.forEach((k) => claims.add(k));
        size += next.items.length;
        return true;
      };
    },
    write: (group) =>
      this.intake.accept(group.flatMap((g) => g.items.map((item) => ({ item, outcome: g.outcome, submission: g.submission })))),
    isTransient: (error) => isRetriable(error, isTransientDatabaseError),
  });

  constructor(
    ledger: ClaimLedgerRepository,
    relay: OutboxRelay,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    metrics: IngestMetrics,
    private readonly submissions: SubmissionLedgerRepository,
  ) {
    this.intake = new IntakeLedger(ledger, relay, metrics);
  }

  async submit(command: SubmitCommand): Promise<SubmissionOutcome> {
    const submissionId = command.submissionId ?? randomUUID();
    const outcome: SubmissionOutcome = { submissionId, format: command.format, accepted: [], rejected: [], errors: [] };
    const x12 = command.format === 'x12' ? new X12Findings() : undefined;
    let confirmed = command.firstWriteDeadlineMs === undefined;
    const write = async (work: () => Promise<void>) => {
      if (confirmed) return work();
      await withinDeadline(work(), command.firstWriteDeadlineMs!);
      confirmed = true;
    };
    // After the first write, the next batch is decoded while the one before it is written.
    const inFlight: Promise<void>[] = [];
    const send = async (items: readonly Normalized[], submission?: SubmissionDraft) => {
      if (!confirmed) return write(() => this.batcher.add({ items, outcome, submission }));
      const written = this.batcher.add({ items, outcome, submission });
      written.catch(() => undefined); // awaited below; a failure surfaces there
      inFlight.push(written);
      if (inFlight.length >= WRITES_IN_FLIGHT) await inFlight.shift();
    };
    const budget = new ErrorBudget();
    const rejections: IntakeRejection[] = [];
    let batch: Normalized[] = [];
    let sentBefore = false;
    const decoded = decodeClaims(command.format, x12 ? x12.tap(command.payload) : command.payload, {
      submitterId: command.submitterId,
      newId: randomUUID,
      maxClaims: this.config.INGEST_MAX_CLAIMS,
      onX12Result: x12?.note,
    });
    for await (const item of decoded) {
      if ('submissionError' in item) this.submissionError(item.submissionError, budget, outcome);
      else if (!item.result.ok) rejections.push(this.rejection(item, item.result.error, command, budget, outcome));
      else batch.push(this.normalized(item.index, item.result.value, command));
      if (batch.length >= BATCH) {
        await send(batch);
        batch = [];
        sentBefore = true;
      }
    }
    const header = { id: submissionId, submitterId: command.submitterId ?? '', format: command.format, x12: x12?.summary() };
    // All of it in this one write, none refused: recorded with its claims (SubmissionDraft).
    const draft = !sentBefore && rejections.length === 0 && batch.length > 0 ? { header, recorded: false } : undefined;
    if (batch.length > 0) await send(batch, draft);
    await Promise.all(inFlight);
    if (rejections.length > 0) await write(() => this.intake.refuse(rejections));
    const claimIds = [...outcome.accepted, ...outcome.rejected].map((c) => c.claimId);
    if (!draft?.recorded) await write(() => this.submissions.record({ ...header, claimIds }));
    return outcome;
  }

  private submissionError(error: FieldError, budget: ErrorBudget, outcome: SubmissionOutcome): void {
    const { errors, omitted } = budget.take([error]);
    outcome.errors.push(...errors);
    if (omitted > 0) outcome.errorsOmitted = (outcome.errorsOmitted ?? 0) + omitted;
  }

  private envelope(command: SubmitCommand): Envelope {
    return command.parent
      ? childEnvelope(command.parent, 'ClaimNormalized.v2')
      : rootEnvelope('ClaimNormalized.v2', command.correlationId, undefined, command.traceparent);
  }

  private normalized(index: number, claim: Claim, command: SubmitCommand): Normalized {
    const envelope = this.envelope(command);
    const written = writeClaim(claim);
    const entry: LedgerEntry = {
      id: claim.claimId,
      submitterId: claim.submitterId ?? command.submitterId ?? '',
      submitterClaimId: claim.submitterClaimId,
      contentHash: written.contentHash,
      format: command.format,
      frequencyCode: claim.frequencyCode,
      correlationId: envelope.correlationId,
    };
    return { index, claim, claimJson: written.json, entry, envelope };
  }

  /**
   * A rejected claim's ledger entry, decided by the lifecycle. Its identity is the submitter, the claim
   * id and a hash of its (bounded) errors, so the same bad claim sent again is the same rejection.
   */
  private rejection(
    item: DecodedClaim,
    errors: FieldError[],
    command: SubmitCommand,
    budget: ErrorBudget,
    outcome: SubmissionOutcome,
  ): IntakeRejection {
    const id = item.submitterClaimId;
    const submitterClaimId = id !== undefined && id.length > 0 && id.length <= MAX_SUBMITTER_CLAIM_ID ? id : undefined;
    const answered = budget.take(errors);
    const stored = boundErrors(errors).errors;
    const entry: LedgerEntry = {
      id: randomUUID(),
      submitterId: command.submitterId ?? '',
      submitterClaimId: submitterClaimId ?? `#${item.index}`,
      contentHash: hash('sha256', JSON.stringify(stored), 'hex'),
      format: command.format,
      frequencyCode: ['1', '7', '8'].includes(item.frequencyCode ?? '1') ? (item.frequencyCode ?? '1') : '1',
      correlationId: this.envelope(command).correlationId,
    };
    return { index: item.index, outcome, submitterClaimId, entry, errors: answered.errors, omitted: answered.omitted };
  }
}
