import { Logger } from '@nestjs/common';
import { KafkaContext, Server, type CustomTransportStrategy, type MessageHandler, type ReadPacket } from '@nestjs/microservices';
import type { Consumer, ConsumerConfig, Kafka } from 'kafkajs';
import type { ConsumedMessage } from './batch-handling';
import { ClaimflowConsumer } from './claimflow-consumer';
import { settleEvent } from './event-failure';
import { OwnerTopics } from './owner-topics';
import type { ConsumerExtras, TopicLayout } from './topic-layout';

export interface ClaimflowKafkaServerSettings extends ConsumerExtras {
  /** The process's one kafkajs client (KafkaModule's KAFKA_CLIENT). */
  readonly kafka: Kafka;
  /** kafkajs consumer settings; groupId as it is on the broker (with the topic suffix). */
  readonly consumer: ConsumerConfig;
  /** New topics (and a new group) are read from their first message. */
  readonly fromBeginning?: boolean;
  readonly layout: TopicLayout;
}

/**
 * ClaimFlow's Kafka transport for Nest (a custom transport strategy on Nest's base Server): handlers keep
 * `@EventPattern(TOPICS.x)` with logical topic names, and ClaimflowConsumer does the consuming. A message goes to the
 * handler of its logical topic (the physical name less the suffix, or its owner family), with a KafkaContext whose
 * message is kafkajs's own (key, headers and value as Buffers; no reply producer: ClaimFlow publishes through
 * EventPublisher). Only events: nothing here answers a request.
 */
export class ClaimflowKafkaServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(ClaimflowKafkaServer.name);
  private readonly routes = new Map<string, MessageHandler | null>();
  private owners?: OwnerTopics;
  private consumer?: ClaimflowConsumer;

  constructor(private readonly settings: ClaimflowKafkaServerSettings) {
    super();
    // Readiness is down from the start until the consumer has joined (a service with nothing to consume: see init).
    if (settings.membership) settings.membership.expected = true;
  }

  /** Called by Nest once the handlers are registered: the consumer is made from them, connected and run. */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const { kafka, consumer, fromBeginning, layout, membership, metrics } = this.settings;
      this.consumer = new ClaimflowConsumer({
        kafka,
        config: consumer,
        fromBeginning,
        patterns: this.getHandlers().keys(),
        layout,
        membership,
        metrics,
        handle: (consumed) => this.handleMessage(consumed),
        logger: this.log,
      });
      await this.consumer.init();
      await this.consumer.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.consumer?.close();
  }

  /** The kafkajs consumer. */
  unwrap<T>(): T {
    if (!this.consumer) throw new Error('Not initialized: the consumer starts with startAllMicroservices');
    return this.consumer.kafkaConsumer as T;
  }

  on(): never {
    throw new Error('ClaimflowKafkaServer reports through ConsumerGroupState, not events');
  }

  handleMessage({ topic, partition, message, heartbeat }: ConsumedMessage): Promise<void> {
    const consumer = this.consumer?.kafkaConsumer as Consumer;
    const context = new KafkaContext([message, partition, topic, consumer as never, heartbeat, undefined as never]);
    return this.handleEvent(topic, { pattern: topic, data: message.value }, context);
  }

  /** See settleEvent: a handler's failure propagates, so its chunk is not committed and is delivered again. */
  override async handleEvent(topic: string, packet: ReadPacket, context: KafkaContext): Promise<void> {
    const handler = this.handlerOf(topic);
    if (!handler) return void this.log.error(`no event handler for ${topic}`);
    await settleEvent(topic, await handler(packet.data, context));
  }

  /** The handler of a physical topic: its owner family's, or its logical name's (found once, then remembered). */
  private handlerOf(topic: string): MessageHandler | null {
    let handler = this.routes.get(topic);
    if (handler !== undefined) return handler;
    const { suffix } = this.settings.layout;
    this.owners ??= new OwnerTopics(this.getHandlers().keys(), suffix);
    const logical = this.owners.patternOf(topic) ?? (suffix && topic.endsWith(suffix) ? topic.slice(0, -suffix.length) : topic);
    handler = this.getHandlers().get(logical) ?? null;
    this.routes.set(topic, handler);
    return handler;
  }
}
