import { Injectable } from '@nestjs/common';
import { ClaimPricer, findingsOf, validationInputOf, type PricingClaim, type ValidationInput } from '@claimflow/domain';
import {
  TOPICS,
  compactPricing,
  replyEnvelope,
  type ClaimPricedV1,
  type ClaimPricedV2,
  type ClaimValidatedV1,
  type ClaimValidatedV2,
  type Envelope,
} from '@claimflow/contracts';
import { EventPublisher } from '@claimflow/kafka';
import { RefDataHolder } from '@claimflow/refdata';

@Injectable()
export class PriceClaimHandler {
  constructor(
    private readonly refdata: RefDataHolder,
    private readonly publisher: EventPublisher,
  ) {}

  private pricer?: ClaimPricer;

  /** One pricer per catalog: it resolves each date's tables once; a new catalog gets a new pricer. */
  private pricerFor(): ClaimPricer {
    const catalog = this.refdata.current;
    if (this.pricer?.catalog !== catalog)
      this.pricer = new ClaimPricer(catalog, { refdataFallback: this.refdata.settings.fallback, allowNational: false });
    return this.pricer;
  }

  price(claim: PricingClaim, validation: ValidationInput): ClaimPricedV1['pricing'] {
    const result = this.pricerFor().price(claim, validation);
    // A claim that cannot be priced (no locality, unmapped ZIP) is a result for the biller, not a poison message.
    return result.ok ? { kind: 'priced', ...result.value } : { kind: 'failed', code: result.error.code, message: result.error.message };
  }

  /** Prices a validated claim of either version and publishes ClaimPriced.v2: the claim by id, the findings as read, lines by index. */
  async onValidated(message: ClaimValidatedV1 | ClaimValidatedV2, parent: Envelope): Promise<void> {
    const { claim } = message;
    const v2 = message.type === 'ClaimValidated.v2';
    const findings = v2 ? message.validation : findingsOf(message.validation);
    const body: ClaimPricedV2 = {
      type: 'ClaimPriced.v2',
      claimId: claim.claimId,
      validation: findings,
      // Only each line's denials: the pricer needs no corrected claim or outcome.
      pricing: compactPricing(claim, this.price(claim, v2 ? validationInputOf(claim, findings) : message.validation)),
    };
    await this.publisher.publish({
      topic: TOPICS.claimsPriced,
      key: claim.claimId,
      envelope: replyEnvelope(parent, body.type),
      value: body,
    });
  }
}
