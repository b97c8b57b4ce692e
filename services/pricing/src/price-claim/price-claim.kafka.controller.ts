import { Controller, type OnModuleInit } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { ClaimValidatedV1, ClaimValidatedV2, TOPICS, TOPICS_V1 } from '@claimflow/contracts';
import { InboundProcessor, claimIdOfMessage } from '@claimflow/kafka';
import { PriceClaimHandler } from './price-claim.handler';

@Controller()
export class PriceClaimKafkaController implements OnModuleInit {
  constructor(
    private readonly inbound: InboundProcessor,
    private readonly handler: PriceClaimHandler,
  ) {}

  onModuleInit(): void {
    this.inbound.prepare(ClaimValidatedV2);
  }

  @EventPattern(TOPICS.claimsValidated)
  onValidated(@Ctx() context: KafkaContext): Promise<void> {
    return this.inbound.process(context, ClaimValidatedV2, ({ body, envelope }) => this.handler.onValidated(body, envelope), {
      claimIdOf: claimIdOfMessage,
    });
  }

  /** A claim validated before the validator wrote v2 (a rollover in progress) is priced all the same. */
  @EventPattern(TOPICS_V1.claimsValidated)
  onValidatedV1(@Ctx() context: KafkaContext): Promise<void> {
    return this.inbound.process(context, ClaimValidatedV1, ({ body, envelope }) => this.handler.onValidated(body, envelope), {
      claimIdOf: claimIdOfMessage,
    });
  }
}
