import { ServerKafka, type KafkaContext, type KafkaOptions as NestKafkaOptions, type ReadPacket } from '@nestjs/microservices';
import type { Consumer, ConsumerRunConfig, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { ConsumerGroupState } from './consumer-group.state';
import { logicalTopic, type KafkaMetrics } from './kafka.metrics';
import { settleEvent } from './event-failure';
import { OwnerTopics } from './owner-topics';
import { OwnerTopicWatcher } from './owner-topic-watcher';
import { SingleFlight } from './single-flight';
import { listBrokerTopics, subscribeWhenReady } from './topic-admin';
import type { SuffixedServerKafkaExtras, TopicLayout } from './topic-layout';

export type { SuffixedServerKafkaExtras, TopicLayout } from './topic-layout';

/**
 * Nest's Kafka transport with two changes:
 * - physical topic names = logical name + suffix, so handlers keep @EventPattern(TOPICS.x) while
 *   tests and tenants each get their own topics;
 * - messages are taken a fetched batch at a time: messages with the same key (one claim) run in
 *   order, different keys side by side (keysInParallel), so their publishes share produce requests and
 *   handlers that write to a database batch what arrives together (ingest's intake and tracking). A
 *   batch is handled a chunk at a time and each chunk's offsets are committed once it is done, so a
 *   crash redelivers at most the unfinished chunk (at-least-once; handlers are idempotent on message id).
 *   Commits are the consumer's, not the partition's: chunks of several partitions finishing together share
 *   one OffsetCommit (the broker answers a connection's requests one at a time; one each took ~85 ms of a
 *   36-partition fetch in ingest);
 * - per-owner topics (a handler pattern `<base>.{owner}`): every such topic on the broker is consumed, and
 *   ones created later are added as they appear (OwnerTopicWatcher);
 * - its group membership is reported to readiness;
 * - before subscribing it creates every ClaimFlow topic still missing with the configured number of
 *   partitions (topics it only produces to too), so instances in one group share them. An existing
 *   topic keeps its partition count: adding partitions would move claim keys and break their order.
 */
const CHUNK = 64;
/** A bounded number of claims at once, so a handler holding a database connection each does not exhaust the pool. */
const DEFAULT_KEYS_IN_PARALLEL = 8;

export class SuffixedServerKafka extends ServerKafka {
  private readonly suffix: string;
  private readonly membership?: ConsumerGroupState;
  private readonly metrics?: Pick<KafkaMetrics, 'lag'>;
  private readonly commits = new SingleFlight();
  private closing = false;
  private owners = new OwnerTopics([], '');
  private watcher?: OwnerTopicWatcher;

  constructor(
    options: NestKafkaOptions['options'],
    private readonly layout: TopicLayout,
    extras: SuffixedServerKafkaExtras = {},
  ) {
    super(options ?? {});
    // kafkajs restarts a crashed consumer after a pause; one restarting while the server closes would run on
    // after close() (seen: an ingest closed during a broker outage kept reconnecting). Closed means no restart.
    const consumer = this.options.consumer;
    this.options.consumer = {
      ...consumer,
      groupId: this.groupId,
      retry: { retries: 5, ...consumer?.retry, restartOnFailure: async () => !this.closing },
    };
    this.suffix = layout.suffix;
    this.membership = extras.membership;
    this.metrics = extras.metrics;
    if (this.membership) this.membership.expected = true;
  }

  override async close(): Promise<void> {
    this.closing = true;
    await this.watcher?.stop();
    await super.close();
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const patterns = [...this.messageHandlers.keys()];
    this.owners = new OwnerTopics(patterns, this.suffix);
    const fixed = patterns.filter((p) => !this.owners.isFamily(p)).map((pattern) => pattern + this.suffix);
    const topics = [...fixed, ...(this.owners.any ? this.owners.select(await listBrokerTopics(this.client as Kafka)) : [])];
    if (fixed.length === 0 && !this.owners.any) {
      if (this.membership) this.membership.expected = false;
      return;
    }
    this.trackMembership(consumer);
    let subscribed = topics.length;
    if (subscribed > 0) {
      await this.subscribeWhenReady(consumer, topics);
      await consumer.run(this.runConfig(subscribed));
    }
    if (!this.owners.any) return;
    this.watcher = new OwnerTopicWatcher({
      owners: this.owners,
      listTopics: () => listBrokerTopics(this.client as Kafka),
      subscribe: async (added) => {
        if (this.closing) return;
        await consumer.stop();
        await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics: [...added] });
        subscribed += added.length;
        await consumer.run(this.runConfig(subscribed));
        this.logger.log(`consuming ${added.length} new owner topic(s)`);
      },
      warn: (message) => this.logger.warn(message),
    }).start(topics);
  }

  private runConfig(topicCount: number): ConsumerRunConfig {
    const parallel = this.layout.partitionsInParallel ?? this.options.run?.partitionsConsumedConcurrently ?? 1;
    return {
      ...(this.options.run ?? {}),
      partitionsConsumedConcurrently: parallel === 'all' ? topicCount * this.layout.partitions : parallel,
      eachBatchAutoResolve: false,
      // commitOffsetsIfNecessary commits whatever was resolved: once per chunk.
      autoCommitThreshold: 1,
      eachBatch: (payload) => this.handleBatch(payload),
    };
  }

  private trackMembership(consumer: Consumer): void {
    const state = this.membership;
    if (!state) return;
    state.set('joining');
    const { GROUP_JOIN, REBALANCING, CRASH, STOP, DISCONNECT } = consumer.events;
    consumer.on(GROUP_JOIN, ({ payload }) => state.set('member', `joined in ${payload.duration} ms`));
    consumer.on(REBALANCING, () => state.set('joining', 'rebalancing'));
    consumer.on(CRASH, ({ payload }) => state.set(payload.restart ? 'joining' : 'crashed', payload.error.message));
    consumer.on(STOP, () => state.set('left'));
    consumer.on(DISCONNECT, () => state.set('left'));
  }

  private async handleBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const pause = () => () => undefined;
    for (let start = 0; start < batch.messages.length; start += CHUNK) {
      const chunk = batch.messages.slice(start, start + CHUNK);
      const byKey = new Map<string, KafkaMessage[]>();
      for (const message of chunk) {
        const key = message.key?.toString() ?? `offset:${message.offset}`;
        const list = byKey.get(key) ?? byKey.set(key, []).get(key)!;
        list.push(message);
      }
      const queue = [...byKey.values()];
      const worker = async () => {
        for (let messages = queue.shift(); messages; messages = queue.shift()) {
          for (const message of messages) {
            if (!isRunning() || isStale()) return;
            await this.handleMessage({ topic: batch.topic, partition: batch.partition, message, heartbeat, pause });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.layout.keysInParallel ?? DEFAULT_KEYS_IN_PARALLEL, queue.length) }, worker));
      if (!isRunning() || isStale()) return;
      const last = chunk[chunk.length - 1]!.offset;
      resolveOffset(last);
      const lag = Math.max(0, Number(batch.highWatermark) - Number(last) - 1);
      this.metrics?.lag(this.owners.patternOf(batch.topic) ?? logicalTopic(batch.topic, this.suffix), batch.partition, lag);
      await heartbeat();
      await this.commits.run(() => commitOffsetsIfNecessary());
    }
  }

  /** See settleEvent: a handler's failure propagates, so its chunk is not committed and is delivered again. */
  override async handleEvent(pattern: string, packet: ReadPacket, context: KafkaContext): Promise<void> {
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) return super.handleEvent(pattern, packet, context);
    await settleEvent(pattern, await handler(packet.data, context));
  }

  /** Creates what is missing (every ClaimFlow topic too), then subscribes; see subscribeWhenReady in topic-admin. */
  private subscribeWhenReady(consumer: Consumer, topics: string[]): Promise<void> {
    const { partitions, replication } = this.layout;
    return subscribeWhenReady(
      this.client as Kafka,
      consumer,
      { ...(this.options.subscribe ?? {}), topics },
      this.suffix,
      { partitions, replication },
      this.logger,
    );
  }

  /**
   * Nest tries JSON.parse on every message's pattern first and falls back on the thrown SyntaxError; our
   * patterns are topic names, never JSON, and that exception per message was 3-5% of each service's CPU.
   */
  override getRouteFromPattern(pattern: string): string {
    return /^[[{"]/.test(pattern) ? super.getRouteFromPattern(pattern) : this.normalizePattern(pattern);
  }

  override getHandlerByPattern(pattern: string) {
    const family = this.owners.patternOf(pattern);
    if (family) return super.getHandlerByPattern(family);
    const logical = this.suffix && pattern.endsWith(this.suffix) ? pattern.slice(0, -this.suffix.length) : pattern;
    return super.getHandlerByPattern(logical);
  }
}
