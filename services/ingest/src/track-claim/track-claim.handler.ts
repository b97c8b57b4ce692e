import { Injectable, Logger } from '@nestjs/common';
import { isFinalStatus, validationSettled, type ClaimCommand } from '@claimflow/domain';
import {
  storedPricing,
  storedValidation,
  type ClaimDeadLetteredV1,
  type ClaimPricedV1,
  type ClaimPricedV2,
  type ClaimValidatedV1,
  type ClaimValidatedV2ById,
} from '@claimflow/contracts';
import { DEFAULT_RETRY, isRetriable, withRetry } from '@claimflow/kafka';
import { isTransientDatabaseError } from '@claimflow/runtime';
import { IngestMetrics } from '../ingest.metrics';
import { ClaimCompletions } from '../ledger/claim-completions';
import { ClaimLedgerRepository, LedgerConflict } from '../ledger/claim-ledger.repository';
import { decideAll, type ClaimCommandOn, type ClaimDecision } from '../ledger/decide-all';
import { MicroBatcher, type Settlement } from '../shared/micro-batcher';
import { IgnoredResults } from './ignored-results';
import { SettledValidations } from './settled-validations';

interface Pending {
  readonly messageId: string;
  readonly claimId: string;
  readonly command: ClaimCommand;
}

/** At most this many results in one set-based write. */
const MAX_BATCH = 1000;

/**
 * Completes the ledger from the pipeline's output topics, once per message id: the ledger's command handler
 * (decideAll) loads, decides with the lifecycle and appends. Results that arrive while a write is in flight (the
 * consumer hands over a fetched batch's messages side by side) are decided and written together: one read of the
 * inbox, one of their claims' states, one UPDATE and one INSERT in one transaction.
 */
@Injectable()
export class TrackClaimHandler {
  private readonly logger = new Logger(TrackClaimHandler.name);
  private readonly batcher = new MicroBatcher<Pending>({
    group: () => (_next, size) => size < MAX_BATCH,
    write: (batch) => this.track(batch),
    isTransient: (error) => isRetriable(error, isTransientDatabaseError),
  });
  private readonly settled = new SettledValidations();

  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly completions: ClaimCompletions,
    private readonly ignored: IgnoredResults,
    private readonly metrics: IngestMetrics,
  ) {}

  /**
   * Whether a validation of this claim can change nothing, as far as this process knows: it recorded the claim priced
   * (validationSettled). Such a validation is left unread: its pricing carried it.
   */
  isValidationSettled(claimId: string): boolean {
    return this.settled.has(claimId);
  }

  /**
   * Records the validation result as the ledger stores it (storedValidation): a v2 message's findings as they came,
   * not completed; readStoredResult gives the whole result back from them and the row's claim.
   */
  onValidated(messageId: string, message: ClaimValidatedV1 | ClaimValidatedV2ById): Promise<void> {
    return this.handle(messageId, message.claim.claimId, { type: 'RecordValidation', result: storedValidation(message) });
  }

  /**
   * Records validation and pricing as stored (storedPricing): the claim's answer reads the same from either version
   * (a v2 message names its claim by id; the ledger row holds the claim the stored result completes from).
   */
  onPriced(messageId: string, message: ClaimPricedV1 | ClaimPricedV2): Promise<void> {
    const claimId = message.type === 'ClaimPriced.v2' ? message.claimId : message.claim.claimId;
    return this.handle(messageId, claimId, { type: 'RecordPricing', result: storedPricing(message) });
  }

  /** A claim whose message was dead-lettered ends rejected, with the dead letter's reason first among its errors. */
  async onDeadLettered(messageId: string, message: ClaimDeadLetteredV1): Promise<void> {
    if (!message.claimId) return;
    const reason = { path: '', code: message.reason.code, message: message.reason.message };
    await this.handle(messageId, message.claimId, { type: 'RecordRejection', errors: [reason, ...message.reason.errors] });
  }

  /** Resolves once the result is persisted (or recognised); a claim still moving after decideAll's attempts is tried again. */
  private handle(messageId: string, claimId: string, command: ClaimCommand): Promise<void> {
    return withRetry(() => this.batcher.add({ messageId, claimId, command }), DEFAULT_RETRY, undefined, isTransientDatabaseError);
  }

  private async track(batch: readonly Pending[]): Promise<Settlement[]> {
    const seen = await this.ledger.seen(batch.map((p) => p.messageId));
    const fresh: ClaimCommandOn<string>[] = [];
    const inBatch = new Set<string>();
    for (const { messageId, claimId, command } of batch) {
      if (seen.has(messageId) || inBatch.has(messageId)) {
        this.logger.debug(`redelivered ${command.type} for claim ${claimId} recognised by its message id`);
        continue;
      }
      inBatch.add(messageId);
      fresh.push({ claimId, command, meta: messageId });
    }
    const firstSeen = new Set<string>();
    const append = async (decisions: readonly ClaimDecision<string>[]) => {
      const written = await this.ledger.applyBatch(
        decisions
          .filter((d) => d.events.length > 0)
          .map((d) => ({ claimId: d.claimId, from: d.from, events: d.events, messageIds: d.accepted.map((a) => a.meta) })),
        decisions.flatMap((d) => d.refused.map((r) => ({ messageId: r.meta, claimId: d.claimId }))),
      );
      written.firstSeen.forEach((id) => firstSeen.add(id));
      return written.conflicts;
    };
    const { decided, moved } = await decideAll({ load: (ids) => this.ledger.states(ids), append }, fresh);
    for (const d of decided) {
      if (validationSettled(d.to)) this.settled.add(d.claimId);
      // Seen for the first time: a real second or stray result. Seen before: a redelivery of one already counted.
      for (const r of d.refused) if (firstSeen.has(r.meta)) this.ignored.record(r.code, r.command.type, d.claimId, r.status);
      // Became final here (a late validation of a priced claim changes nothing final: it is not counted twice).
      if (isFinalStatus(d.to.status) && !isFinalStatus(d.from.status)) {
        this.metrics.claimsFinal.inc({ status: d.to.status });
        this.completions.completed(d.claimId);
      }
    }
    const stillMoving = new Set(moved.map((m) => m.meta));
    return batch.map((p) => (stillMoving.has(p.messageId) ? new LedgerConflict() : undefined));
  }
}
