import { Controller, Logger, type OnModuleInit } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import {
  ClaimDeadLetteredV1,
  ClaimPricedV1,
  ClaimPricedV2,
  ClaimValidatedV1,
  ClaimValidatedV2ById,
  TOPICS,
  TOPICS_V1,
  envelopeFromHeaders,
  parseMessage,
} from '@claimflow/contracts';
import { InboundProcessor, TopicResolver, claimIdOfMessage } from '@claimflow/kafka';
import { IngestMetrics } from '../ingest.metrics';
import { TrackClaimHandler } from './track-claim.handler';

/** The claim pipeline's topics past intake (v2, and v1 during a rollover): a dead letter from one is its claim's only result. */
const PIPELINE_TOPICS = [TOPICS.claimsNormalized, TOPICS.claimsValidated, TOPICS.claimsPriced, ...Object.values(TOPICS_V1)] as const;

const OPTIONS = { claimIdOf: claimIdOfMessage };

@Controller()
export class TrackClaimKafkaController implements OnModuleInit {
  private readonly logger = new Logger(TrackClaimKafkaController.name);
  private readonly pipelineTopics: ReadonlySet<string>;

  constructor(
    private readonly inbound: InboundProcessor,
    private readonly handler: TrackClaimHandler,
    topics: TopicResolver,
    private readonly metrics: IngestMetrics,
  ) {
    this.pipelineTopics = new Set(PIPELINE_TOPICS.map((t) => topics.physical(t)));
  }

  onModuleInit(): void {
    this.inbound.prepare(ClaimValidatedV2ById, ClaimPricedV2, ClaimDeadLetteredV1);
  }

  /**
   * Of the claim only its id is read (ClaimValidatedV2ById): ingest stores the findings, its ledger holds the claim.
   * A validation of a claim this process recorded priced is not read at all (unreadValidation).
   */
  @EventPattern(TOPICS.claimsValidated)
  onValidated(@Ctx() context: KafkaContext): Promise<void> {
    if (this.unreadValidation(context)) return Promise.resolve();
    return this.inbound.process(
      context,
      ClaimValidatedV2ById,
      ({ body, envelope }) => this.handler.onValidated(envelope.id, body),
      OPTIONS,
    );
  }

  @EventPattern(TOPICS.claimsPriced)
  onPriced(@Ctx() context: KafkaContext): Promise<void> {
    return this.inbound.process(context, ClaimPricedV2, ({ body, envelope }) => this.handler.onPriced(envelope.id, body), OPTIONS);
  }

  /** Results written before the pipeline wrote v2 (a rollover in progress) complete their claims all the same. */
  @EventPattern(TOPICS_V1.claimsValidated)
  onValidatedV1(@Ctx() context: KafkaContext): Promise<void> {
    if (this.unreadValidation(context)) return Promise.resolve();
    return this.inbound.process(context, ClaimValidatedV1, ({ body, envelope }) => this.handler.onValidated(envelope.id, body), OPTIONS);
  }

  @EventPattern(TOPICS_V1.claimsPriced)
  onPricedV1(@Ctx() context: KafkaContext): Promise<void> {
    return this.inbound.process(context, ClaimPricedV1, ({ body, envelope }) => this.handler.onPriced(envelope.id, body), OPTIONS);
  }

  /**
   * A held-back validation whose claim (its key: the validator keys each message by its claim, and only it may write
   * this topic) this process has recorded priced is counted and left unread: the lifecycle would decide it as nothing
   * (validationSettled), so its parse, its contract check and two ledger reads were the whole of its cost, about a
   * tenth of ingest's CPU a claim (a pipeline bench profile). Not read, it is not checked either: a malformed one, which
   * could change nothing, is no longer dead-lettered.
   */
  private unreadValidation(context: KafkaContext): boolean {
    const key = context.getMessage().key;
    if (key === null || key === undefined || !this.handler.isValidationSettled(String(key))) return false;
    this.inbound.unread(context);
    this.metrics.validationsUnread.inc();
    return true;
  }

  /**
   * A claim whose message was dead-lettered mid-pipeline ends rejected with the dead letter's reason. Read directly: a
   * malformed dead letter is already where it belongs, re-dead-lettering it would loop. Dead letters from elsewhere
   * change no claim: intake's own (claims.submitted.v1.<owner>) name claims the ledger recorded as rejected before
   * they were sent, and a denial report is no claim (README, "Exactly one result per claim").
   */
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
    if (!this.pipelineTopics.has(parsed.value.source.topic)) return;
    const envelope = envelopeFromHeaders(message.headers);
    // A dead letter without an envelope is still recognised on redelivery by where it sits.
    const messageId = envelope.ok ? envelope.value.id : `${context.getTopic()}/${context.getPartition()}/${message.offset}`;
    await this.handler.onDeadLettered(messageId, parsed.value);
  }
}
