import { Injectable, Logger } from '@nestjs/common';
import {
  claimLifecycle,
  isFinalStatus,
  type ClaimCommand,
  type ClaimLifecycleErrorCode,
  type ClaimLifecycleState,
} from '@claimflow/domain';
import type { ClaimDeadLetteredV1, ClaimPricedV1, ClaimValidatedV1 } from '@claimflow/contracts';
import { DEFAULT_RETRY, isRetriable, withRetry } from '@claimflow/kafka';
import { isTransientDatabaseError } from '@claimflow/runtime';
import { IngestMetrics } from '../ingest.metrics';
import { ClaimCompletions } from '../ledger/claim-completions';
import { ClaimLedgerRepository, LedgerConflict, type BatchDecision, type InboxEntry } from '../ledger/claim-ledger.repository';
import { IgnoredResults } from './ignored-results';

interface Pending {
  readonly messageId: string;
  readonly claimId: string;
  readonly command: ClaimCommand;
  readonly done: { resolve(): void; reject(error: unknown): void };
}

/** At most this many results in one set-based write. */
const MAX_BATCH = 1000;

/**
 * Completes the ledger from the pipeline's output topics: the lifecycle decides, the repository
 * persists, once per message id. Results that arrive while a write is in flight (the consumer hands
 * over a fetched batch's messages side by side) are decided and written together: one read of their
 * claims' states, one read of the inbox, one UPDATE and one INSERT in one transaction.
 */
@Injectable()
export class TrackClaimHandler {
  private readonly logger = new Logger(TrackClaimHandler.name);
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly completions: ClaimCompletions,
    private readonly ignored: IgnoredResults,
    private readonly metrics: IngestMetrics,
  ) {}

  onValidated(messageId: string, message: ClaimValidatedV1): Promise<void> {
    return this.handle(messageId, message.claim.claimId, { type: 'RecordValidation', result: { validation: message.validation } });
  }

  onPriced(messageId: string, message: ClaimPricedV1): Promise<void> {
    const result = { validation: message.validation, pricing: message.pricing };
    return this.handle(messageId, message.claim.claimId, { type: 'RecordPricing', result });
  }

  async onDeadLettered(messageId: string, message: ClaimDeadLetteredV1): Promise<void> {
    if (!message.claimId) return;
    const reason = { path: '', code: message.reason.code, message: message.reason.message };
    await this.handle(messageId, message.claimId, { type: 'RecordRejection', errors: [reason, ...message.reason.errors] });
  }

  /** Resolves once the result is persisted (or recognised); a claim that moved meanwhile is decided again. */
  private handle(messageId: string, claimId: string, command: ClaimCommand): Promise<void> {
    return withRetry(
      () =>
        new Promise<void>((resolve, reject) => {
          this.queue.push({ messageId, claimId, command, done: { resolve, reject } });
          if (!this.flushing) setImmediate(() => void this.flush());
        }),
      DEFAULT_RETRY,
      undefined,
      isTransientDatabaseError,
    );
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.track(batch).catch(async (error: unknown) => {
          // One result the database refuses must not fail the others: each alone, then.
          if (batch.length > 1 && !isRetriable(error, isTransientDatabaseError))
            for (const p of batch) await this.track([p]).catch((e: unknown) => p.done.reject(e));
          else batch.forEach((p) => p.done.reject(error));
        });
      }
    } finally {
      this.flushing = false;
    }
  }

  private async track(batch: readonly Pending[]): Promise<void> {
    const [states, seen] = await Promise.all([
      this.ledger.states(batch.map((p) => p.claimId)),
      this.ledger.seen(batch.map((p) => p.messageId)),
    ]);
    const decisions = new Map<string, BatchDecision & { to: ClaimLifecycleState; messages: Pending[] }>();
    const ignored: (InboxEntry & { pending: Pending; code: ClaimLifecycleErrorCode; status: string })[] = [];
    const settled: Pending[] = [];
    const inBatch = new Set<string>();
    for (const pending of batch) {
      const { messageId, claimId, command } = pending;
      if (seen.has(messageId) || inBatch.has(messageId)) {
        this.logger.debug(`redelivered ${command.type} for claim ${claimId} recognised by its message id`);
        settled.push(pending);
        continue;
      }
      inBatch.add(messageId);
      // Results for one claim in one batch are decided in arrival order, each on the state the previous left.
      const current = decisions.get(claimId);
      const state = current?.to ?? states.get(claimId)!;
      const decision = claimLifecycle.decide(command, state);
      if (!decision.ok) {
        ignored.push({ messageId, claimId, pending, code: decision.error.code, status: state.status });
        continue;
      }
      const to = decision.value.reduce(claimLifecycle.evolve, state);
      decisions.set(claimId, {
        claimId,
        from: current?.from ?? state,
        events: [...(current?.events ?? []), ...decision.value],
        messageIds: [...(current?.messageIds ?? []), messageId],
        to,
        messages: [...(current?.messages ?? []), pending],
      });
    }
    const { conflicts, firstSeen } = await this.ledger.applyBatch([...decisions.values()], ignored);
    for (const pending of settled) pending.done.resolve();
    for (const { pending, code, status, messageId, claimId } of ignored) {
      // Refused on the state an earlier result in this batch would have left, which did not happen.
      if (conflicts.has(claimId)) {
        pending.done.reject(new LedgerConflict());
        continue;
      }
      // Seen for the first time: a real second or stray result. Seen before: a redelivery of one already counted.
      if (firstSeen.has(messageId)) this.ignored.record(code, pending.command.type, claimId, status);
      pending.done.resolve();
    }
    for (const decision of decisions.values()) {
      if (conflicts.has(decision.claimId)) {
        decision.messages.forEach((p) => p.done.reject(new LedgerConflict()));
        continue;
      }
      // Became final here (a late validation of a priced claim changes nothing final: it is not counted twice).
      if (isFinalStatus(decision.to.status) && !isFinalStatus(decision.from.status)) {
        this.metrics.claimsFinal.inc({ status: decision.to.status });
        this.completions.completed(decision.claimId);
      }
      decision.messages.forEach((p) => p.done.resolve());
    }
  }
}
