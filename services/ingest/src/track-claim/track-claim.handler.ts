import { Injectable } from '@nestjs/common';
import type { ClaimDeadLetteredV1, ClaimPricedV1, ClaimValidatedV1 } from '@claimflow/contracts';
import { ClaimflowMetrics } from '@claimflow/platform';
import { ClaimCompletions } from '../ledger/claim-completions';
import { ClaimLedgerRepository } from '../ledger/claim-ledger.repository';

/** Completes the ledger from the pipeline's output topics. */
@Injectable()
export class TrackClaimHandler {
  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly completions: ClaimCompletions,
    private readonly metrics: ClaimflowMetrics,
  ) {}

  async onValidated(message: ClaimValidatedV1): Promise<void> {
    await this.ledger.advance(message.claim.claimId, 'validated', { result: { validation: message.validation } });
  }

  async onPriced(message: ClaimPricedV1): Promise<void> {
    const advanced = await this.ledger.advance(message.claim.claimId, 'priced', {
      result: { validation: message.validation, pricing: message.pricing },
    });
    if (advanced) this.metrics.claimsFinal.inc({ status: 'priced' });
    this.completions.completed(message.claim.claimId);
  }

  async onDeadLettered(message: ClaimDeadLetteredV1): Promise<void> {
    if (!message.claimId) return;
    const reason = { path: '', code: message.reason.code, message: message.reason.message };
    const advanced = await this.ledger.advance(message.claimId, 'rejected', { errors: [reason, ...message.reason.errors] });
    if (advanced) this.metrics.claimsFinal.inc({ status: 'rejected' });
    this.completions.completed(message.claimId);
  }
}
