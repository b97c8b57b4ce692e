import { Injectable } from '@nestjs/common';
import { ClaimPricer } from '@claimflow/domain';
import { TOPICS, replyEnvelope, type ClaimPricedV1, type ClaimValidatedV1, type Envelope } from '@claimflow/contracts';
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

  price(message: ClaimValidatedV1): ClaimPricedV1['pricing'] {
    const result = this.pricerFor().price(message.claim, message.validation);
    // A claim that cannot be priced (no locality, unmapped ZIP) is a result for the biller, not a poison message.
    return result.ok ? { kind: 'priced', ...result.value } : { kind: 'failed', code: result.error.code, message: result.error.message };
  }

  async onValidated(message: ClaimValidatedV1, parent: Envelope): Promise<void> {
    const body: ClaimPricedV1 = {
      type: 'ClaimPriced.v1',
      claim: message.claim,
      validation: message.validation,
      pricing: this.price(message),
    };
    await this.publisher.publish({
      topic: TOPICS.claimsPriced,
      key: message.claim.claimId,
      envelope: replyEnvelope(parent, body.type),
      value: body,
    });
  }
}
