import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import type { KafkaMessage } from 'kafkajs';
import type { z } from 'zod';
import { EnvelopeSchema, compiledCheck, envelopeFromHeaders, parseMessage, type Envelope } from '@claimflow/contracts';
import { isBrokerUnavailableError } from './broker-failure';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { KAFKA_METRICS, logicalTopic, type KafkaMetrics } from './kafka.metrics';
import { KAFKA_OPTIONS, type KafkaOptions } from './kafka.options';
import { DEFAULT_RETRY, TRANSIENT_FAILURES, withRetry, type TransientFailures } from './retry';

export interface InboundOptions {
  /** Where its dead letters go, when not claims.dead-letter.v1. */
  readonly deadLetterTopic?: string;
  /**
   * Names the claim a message is about, for its dead letter whatever the failure (the envelope, the contract or the
   * handler), so that the claim can be finished: claimIdOfMessage for the claim pipeline's topics. Without it only a
   * failed handler's dead letter names one, the message key.
   */
  readonly claimIdOf?: (message: KafkaMessage) => string | undefined;
}

export interface Inbound<T> {
  readonly body: T;
  readonly envelope: Envelope;
  readonly key: string | null;
}

/**
 * The one path every consumed message takes: envelope and body are validated against their
 * contract; a message that fails, or whose handler keeps failing, goes to the dead-letter topic
 * with the reason and its original bytes, and the consumer moves on. Transient failures are
 * retried first. Only a failure to dead-letter propagates, so that Kafka redelivers it.
 */
@Injectable()
export class InboundProcessor implements BeforeApplicationShutdown {
  private readonly logger = new Logger(InboundProcessor.name);
  private stopping = false;

  constructor(
    private readonly deadLetters: DeadLetterPublisher,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaOptions,
    @Optional() @Inject(KAFKA_METRICS) private readonly metrics?: KafkaMetrics,
    // Given by the persistence layer of a service with a database (PrismaModule): its outages are retried, not dead-lettered.
    @Optional() @Inject(TRANSIENT_FAILURES) private readonly isTransient?: TransientFailures,
  ) {}

  async process<S extends z.ZodTypeAny>(
    context: KafkaContext,
    schema: S,
    handle: (inbound: Inbound<z.infer<S>>) => Promise<void>,
    { deadLetterTopic, claimIdOf }: InboundOptions = {},
  ): Promise<void> {
    const message = context.getMessage();
    const topic = context.getTopic();
    this.metrics?.consumed(logicalTopic(topic, this.options.topicSuffix));
    const claimId = claimIdOf?.(message);
    const dead = (code: string, text: string, errors: { path: string; code: string; message: string }[] = [], named = claimId) =>
      this.deadLetters.send({
        service: this.options.clientId,
        topic,
        partition: context.getPartition(),
        message,
        reason: { code, message: text, errors },
        claimId: named,
        deadLetterTopic,
      });

    const envelope = envelopeFromHeaders(message.headers);
    if (!envelope.ok) {
      await dead('INVALID_ENVELOPE', envelope.error);
      return;
    }
    const body = parseMessage(schema, message.value as Buffer | null);
    if (!body.ok) {
      await dead('INVALID_MESSAGE', `message does not match its contract`, body.error);
      return;
    }
    const key = message.key === null || message.key === undefined ? null : String(message.key);
    for (let round = 1; ; round++) {
      try {
        await withRetry(
          () => handle({ body: body.value, envelope: envelope.value, key }),
          DEFAULT_RETRY,
          (error, attempt) => this.logger.warn(`retrying ${topic} ${key} after attempt ${attempt}: ${(error as Error).message}`),
          this.isTransient,
        );
        return;
      } catch (error) {
        const brokerAway = isBrokerUnavailableError(error);
        if (brokerAway || this.isTransient?.(error)) {
          // The database or the cluster is away (a publication refused by a leaderless partition, say): the message is
          // good, so it waits rather than going to the dead letters, which would reject a good claim. While the
          // service stops it is left uncommitted instead (thrown), to be delivered again to whoever takes over.
          if (this.stopping) throw error;
          const what = brokerAway ? 'the cluster' : 'the database';
          this.logger.warn(`holding ${topic} ${key} until ${what} answers (round ${round}): ${(error as Error).message}`);
          continue;
        }
        this.logger.error(`handler failed for ${topic} ${key}: ${(error as Error).stack}`);
        // A message id is no claim id: without claimIdOf, the key is the only name a failed handler's dead letter gets.
        await dead('HANDLER_FAILED', (error as Error).message, [], claimId ?? key ?? undefined);
        return;
      }
    }
  }

  /**
   * Compiles the checks of the envelope and of these message schemas now, at start, rather than on the first message:
   * 20-80 ms each (Ajv; measured on the bench machine), which the first claim after every start would wait for.
   */
  prepare(...schemas: z.ZodTypeAny[]): void {
    compiledCheck(EnvelopeSchema);
    for (const schema of schemas) compiledCheck(schema);
  }

  /** A message its consumer knows can change nothing, left unread: counted as consumed all the same. */
  unread(context: KafkaContext): void {
    this.metrics?.consumed(logicalTopic(context.getTopic(), this.options.topicSuffix));
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }
}
