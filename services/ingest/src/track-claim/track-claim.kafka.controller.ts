import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { ClaimDeadLetteredV1, ClaimPricedV1, ClaimValidatedV1, TOPICS, envelopeFromHeaders, parseMessage } from '@claimflow/contracts';
import { InboundProcessor } from '@claimflow/kafka';
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
    return this.inbound.process(context, ClaimValidatedV1, ({ body, envelope }) => this.handler.onValidated(envelope.id, body));
  }

  @EventPattern(TOPICS.claimsPriced)
  onPriced(@Ctx() context: KafkaContext): Promise<void> {
    return this.inbound.process(context, ClaimPricedV1, ({ body, envelope }) => this.handler.onPriced(envelope.id, body));
  }

  /** Read directly: a malformed dead letter is already where it belongs, re-dead-lettering it would loop. */
  @EventPattern(TOPICS.claimsDeadLetter)
  async onDeadLettered(@Ctx() context: KafkaContext): Promise<void> {
    const message = context.getMessage();
    const parsed = parseMessage(ClaimDeadLetteredV1, message.value as Buffer | null);
    if (!parsed.ok) {
      this.logger.warn(
        `unreadable dead letter at ${context.getTopic()}#${message.offset}: ${parsed.error.map((e) => e.message).join('; ')}`,
      );
      return;
    }
    const envelope = envelopeFromHeaders(message.headers);
    // A dead letter without an envelope is still recognised on redelivery by where it sits.
    const messageId = envelope.ok ? envelope.value.id : `${context.getTopic()}/${context.getPartition()}/${message.offset}`;
    await this.handler.onDeadLettered(messageId, parsed.value);
  }
}
