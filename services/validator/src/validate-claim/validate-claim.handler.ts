import { Injectable } from '@nestjs/common';
import { validateClaim, type Claim, type ValidationResult } from '@claimflow/domain';
import { TOPICS, replyEnvelope, type ClaimNormalizedV1, type ClaimValidatedV1, type Envelope } from '@claimflow/contracts';
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

  async onNormalized(message: ClaimNormalizedV1, parent: Envelope): Promise<void> {
    const validation = this.check(message.claim);
    for (const edit of validation.edits) this.metrics.edits.inc({ code: edit.code, severity: edit.severity });
    const body: ClaimValidatedV1 = { type: 'ClaimValidated.v1', claim: message.claim, validation };
    await this.publisher.publish({
      topic: TOPICS.claimsValidated,
      key: message.claim.claimId,
      envelope: replyEnvelope(parent, body.type),
      value: body,
    });
  }
}
