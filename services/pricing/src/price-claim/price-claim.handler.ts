import { Injectable } from '@nestjs/common';
import { ClaimPricer, findingsOf, type Claim, type ValidationInput } from '@claimflow/domain';
import {
  TOPICS,
  compactPricing,
  replyEnvelope,
  validationOf,
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

  price(claim: Claim, validation: ValidationInput): ClaimPricedV1['pricing'] {
    const result = this.pricerFor().price(claim, validation);
    // A claim that cannot be priced (no locality, unmapped ZIP) is a result for the biller, not a poison message.
    return result.ok ? { kind: 'priced', ...result.value } : { kind: 'failed', code: result.error.code, message: result.error.message };
  }

  /** Prices a validated claim of either version and publishes ClaimPriced.v2: the findings as read, lines by index. */
  async onValidated(message: ClaimValidatedV1 | ClaimValidatedV2, parent: Envelope): Promise<void> {
    const validation = validationOf(message);
    const body: ClaimPricedV2 = {
      type: 'ClaimPriced.v2',
      claim: message.claim,
      validation: message.type === 'ClaimValidated.v2' ? message.validation : findingsOf(validation),
      pricing: compactPricing(message.claim, this.price(message.claim, validation)),
    };
    await this.publisher.publish({
      topic: TOPICS.claimsPriced,
      key: message.claim.claimId,
      envelope: replyEnvelope(parent, body.type),
      value: body,
    });
  }
}
