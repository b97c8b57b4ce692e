import { Injectable } from '@nestjs/common';
import { findingsOf, pricingClaimOf, validateClaim, type Claim, type ValidationResult } from '@claimflow/domain';
import { TOPICS, replyEnvelope, type ClaimValidatedV2, type Envelope } from '@claimflow/contracts';
import { EventPublisher } from '@claimflow/kafka';
import { RefDataHolder } from '@claimflow/refdata';
import { ValidatorMetrics } from '../validator.metrics';

@Injectable()
export class ValidateClaimHandler {
  constructor(
    private readonly refdata: RefDataHolder,
    private readonly publisher: EventPublisher,
    private readonly metrics: ValidatorMetrics,
  ) {}

  check(claim: Claim): ValidationResult {
    return validateClaim(claim, this.refdata.current, { refdataFallback: this.refdata.settings.fallback });
  }

  /**
   * Publishes the findings only (each edit once), with the claim as pricing reads it: the rest of the result follows
   * from them and the whole claim, which ingest holds.
   */
  async onNormalized(claim: Claim, parent: Envelope): Promise<void> {
    const validation = this.check(claim);
    for (const edit of validation.edits) this.metrics.edits.inc({ code: edit.code, severity: edit.severity });
    const body: ClaimValidatedV2 = { type: 'ClaimValidated.v2', claim: pricingClaimOf(claim), validation: findingsOf(validation) };
    await this.publisher.publish({
      topic: TOPICS.claimsValidated,
      key: claim.claimId,
      envelope: replyEnvelope(parent, body.type),
      value: body,
    });
  }
}
