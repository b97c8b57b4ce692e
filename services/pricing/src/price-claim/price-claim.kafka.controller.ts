import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { ClaimValidatedV1, TOPICS } from '@claimflow/contracts';
import { InboundProcessor, claimIdOfMessage } from '@claimflow/kafka';
import { PriceClaimHandler } from './price-claim.handler';

@Controller()
export class PriceClaimKafkaController {
  constructor(
    private readonly inbound: InboundProcessor,
    private readonly handler: PriceClaimHandler,
  ) {}

  @EventPattern(TOPICS.claimsValidated)
  onValidated(@Ctx() context: KafkaContext): Promise<void> {
    return this.inbound.process(context, ClaimValidatedV1, ({ body, envelope }) => this.handler.onValidated(body, envelope), {
      claimIdOf: claimIdOfMessage,
    });
  }
}
