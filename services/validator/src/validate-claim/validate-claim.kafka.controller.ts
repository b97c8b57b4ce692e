import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { ClaimNormalizedV1, TOPICS } from '@claimflow/contracts';
import { InboundProcessor, claimIdOfMessage } from '@claimflow/kafka';
import { ValidateClaimHandler } from './validate-claim.handler';

@Controller()
export class ValidateClaimKafkaController {
  constructor(
    private readonly inbound: InboundProcessor,
    private readonly handler: ValidateClaimHandler,
  ) {}

  @EventPattern(TOPICS.claimsNormalized)
  onNormalized(@Ctx() context: KafkaContext): Promise<void> {
    return this.inbound.process(context, ClaimNormalizedV1, ({ body, envelope }) => this.handler.onNormalized(body, envelope), {
      claimIdOf: claimIdOfMessage,
    });
  }
}
