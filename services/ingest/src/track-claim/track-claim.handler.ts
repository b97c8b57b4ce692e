import { Injectable } from '@nestjs/common';
import type { ClaimDeadLetteredV1, ClaimPricedV1, ClaimValidatedV1 } from '@claimflow/contracts';
import { ClaimCompletions } from '../ledger/claim-completions';
import { ClaimLedgerRepository } from '../ledger/claim-ledger.repository';

/** Completes the ledger from the pipeline's output topics. */
@Injectable()
export class TrackClaimHandler {
  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly completions: ClaimCompletions,
  ) {}

  async onValidated(message: ClaimValidatedV1): Promise<void> {
    await this.ledger.advance(message.claim.claimId, 'validated', { result: { validation: message.validation } });
  }

  async onPriced(message: ClaimPricedV1): Promise<void> {
    await this.ledger.advance(message.claim.claimId, 'priced', { result: { validation: message.validation, pricing: message.pricing } });
    this.completions.completed(message.claim.claimId);
  }

  async onDeadLettered(message: ClaimDeadLetteredV1): Promise<void> {
    if (!message.claimId) return;
    const reason = { path: '', code: message.reason.code, message: message.reason.message };
    await this.ledger.advance(message.claimId, 'rejected', { errors: [reason, ...message.reason.errors] });
    this.completions.completed(message.claimId);
  }
}
