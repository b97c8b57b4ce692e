import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { ClaimDeadLetteredV1, ClaimPricedV1, ClaimValidatedV1, TOPICS, parseMessage } from '@claimflow/contracts';
import { InboundProcessor, withRetry } from '@claimflow/kafka';
import { TrackClaimHandler } from './track-claim.handler';

@Controller()
export class TrackClaimKafkaController {
  private readonly logger = new Logger(TrackClaimKafkaController.name);

  constructor(
    private readonly inbound: InboundProcessor,
    private readonly handler: TrackClaimHandler,
  ) {}

  @EventPattern(TOPICS.claimsValidated)
  onValidated(@Ctx() context: KafkaContext): Promise<void> {
    return this.inbound.process(context, ClaimValidatedV1, ({ body }) => this.handler.onValidated(body));
  }

  @EventPattern(TOPICS.claimsPriced)
  onPriced(@Ctx() context: KafkaContext): Promise<void> {
    return this.inbound.process(context, ClaimPricedV1, ({ body }) => this.handler.onPriced(body));
  }

  /** Read directly: a malformed dead letter is already where it belongs, re-dead-lettering it would loop. */
  @EventPattern(TOPICS.claimsDeadLetter)
  async onDeadLettered(@Ctx() context: KafkaContext): Promise<void> {
    const parsed = parseMessage(ClaimDeadLetteredV1, context.getMessage().value as Buffer | null);
    if (!parsed.ok) {
      this.logger.warn(
        `unreadable dead letter at ${context.getTopic()}#${context.getMessage().offset}: ${parsed.error.map((e) => e.message).join('; ')}`,
      );
      return;
    }
    await withRetry(() => this.handler.onDeadLettered(parsed.value));
  }
}
