import { Injectable, Logger } from '@nestjs/common';
import { claimLifecycle, isFinalStatus, type ClaimCommand } from '@claimflow/domain';
import type { ClaimDeadLetteredV1, ClaimPricedV1, ClaimValidatedV1 } from '@claimflow/contracts';
import { withRetry } from '@claimflow/kafka';
import { ClaimflowMetrics } from '@claimflow/platform';
import { ClaimCompletions } from '../ledger/claim-completions';
import { ClaimLedgerRepository } from '../ledger/claim-ledger.repository';
import { IgnoredResults } from './ignored-results';

/** Completes the ledger from the pipeline's output topics: the lifecycle decides, the repository persists, once per message id. */
@Injectable()
export class TrackClaimHandler {
  private readonly logger = new Logger(TrackClaimHandler.name);

  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly completions: ClaimCompletions,
    private readonly ignored: IgnoredResults,
    private readonly metrics: ClaimflowMetrics,
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

  /** Decides on the current state and persists the decision; a claim that moved meanwhile is decided again. */
  private handle(messageId: string, claimId: string, command: ClaimCommand): Promise<void> {
    return withRetry(async () => {
      const state = await this.ledger.state(claimId);
      const decision = claimLifecycle.decide(command, state);
      if (!decision.ok) {
        // Seen for the first time: a real second or stray result. Seen before: a redelivery of one already counted.
        if (await this.ledger.markSeen(messageId, claimId)) this.ignored.record(decision.error.code, command.type, claimId, state.status);
        return;
      }
      if (!(await this.ledger.apply(messageId, { claimId, from: state, events: decision.value }))) {
        this.logger.debug(`redelivered ${command.type} for claim ${claimId} recognised by its message id`);
        return;
      }
      const status = decision.value.reduce(claimLifecycle.evolve, state).status;
      if (!isFinalStatus(status)) return;
      this.metrics.claimsFinal.inc({ status });
      this.completions.completed(claimId);
    });
  }
}
