import { Controller, type OnModuleInit } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { ClaimNormalizedV1, ClaimNormalizedV2, TOPICS, TOPICS_V1 } from '@claimflow/contracts';
import { InboundProcessor, claimIdOfMessage } from '@claimflow/kafka';
import { ValidateClaimHandler } from './validate-claim.handler';

@Controller()
export class ValidateClaimKafkaController implements OnModuleInit {
  constructor(
    private readonly inbound: InboundProcessor,
    private readonly handler: ValidateClaimHandler,
  ) {}

  onModuleInit(): void {
    this.inbound.prepare(ClaimNormalizedV2);
  }

  @EventPattern(TOPICS.claimsNormalized)
  onNormalized(@Ctx() context: KafkaContext): Promise<void> {
    return this.inbound.process(context, ClaimNormalizedV2, ({ body, envelope }) => this.handler.onNormalized(body.claim, envelope), {
      claimIdOf: claimIdOfMessage,
    });
  }

  /** A claim normalized before ingest wrote v2 (a rollover in progress) is validated all the same. */
  @EventPattern(TOPICS_V1.claimsNormalized)
  onNormalizedV1(@Ctx() context: KafkaContext): Promise<void> {
    return this.inbound.process(context, ClaimNormalizedV1, ({ body, envelope }) => this.handler.onNormalized(body.claim, envelope), {
      claimIdOf: claimIdOfMessage,
    });
  }
}
