import { ServerKafka, type KafkaOptions as NestKafkaOptions } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { TOPICS } from '@claimflow/contracts';
import { createTopicsAllowed, type TopicReplication } from './create-topics';
import type { ConsumerGroupState } from './consumer-group.state';
import { logicalTopic, type KafkaMetrics } from './kafka.metrics';
import { SingleFlight } from './single-flight';

export interface TopicLayout {
  /** Appended to every logical topic name. */
  readonly suffix: string;
  /** Partitions of each topic this service creates (KAFKA_PARTITIONS). */
  readonly partitions: number;
  readonly replication?: TopicReplication; // KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS
  /**
   * Claims (keys) of a chunk handled side by side: all of them where handlers batch what arrives
   * together (the claim services); a handful where each message holds its own database connection.
   */
  readonly keysInParallel?: number;
  /**
   * Fetched batches (partitions) handled side by side; 'all' = every partition of the topics it consumes,
   * so a fetch is handled in one round and handlers that batch see all of it together. Default 1.
   */
  readonly partitionsInParallel?: number | 'all';
}

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
 * - its group membership is reported to readiness;
 * - before subscribing it creates every ClaimFlow topic still missing with the configured number of
 *   partitions (topics it only produces to too), so instances in one group share them. An existing
 *   topic keeps its partition count: adding partitions would move claim keys and break their order.
 */
const CHUNK = 64;
/** A bounded number of claims at once, so a handler holding a database connection each does not exhaust the pool. */
const DEFAULT_KEYS_IN_PARALLEL = 8;

/** Optional collaborators of the transport. */
export interface SuffixedServerKafkaExtras {
  /** Group membership, reported to readiness. */
  readonly membership?: ConsumerGroupState;
  /** Where the consumer lag of each handled batch is reported. */
  readonly metrics?: Pick<KafkaMetrics, 'lag'>;
}

export class SuffixedServerKafka extends ServerKafka {
  private readonly suffix: string;
  private readonly membership?: ConsumerGroupState;
  private readonly metrics?: Pick<KafkaMetrics, 'lag'>;
  private readonly commits = new SingleFlight();
  private closing = false;

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
    await super.close();
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()].map((pattern) => pattern + this.suffix);
    if (topics.length === 0) {
      if (this.membership) this.membership.expected = false;
      return;
    }
    this.trackMembership(consumer);
    await this.subscribeWhenReady(consumer, topics);
    const parallel = this.layout.partitionsInParallel ?? this.options.run?.partitionsConsumedConcurrently ?? 1;
    await consumer.run({
      ...(this.options.run ?? {}),
      partitionsConsumedConcurrently: parallel === 'all' ? topics.length * this.layout.partitions : parallel,
      eachBatchAutoResolve: false,
      // commitOffsetsIfNecessary commits whatever was resolved: once per chunk.
      autoCommitThreshold: 1,
      eachBatch: (payload) => this.handleBatch(payload),
    });
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
      this.metrics?.lag(logicalTopic(batch.topic, this.suffix), batch.partition, lag);
      await heartbeat();
      await this.commits.run(() => commitOffsetsIfNecessary());
    }
  }

  /**
   * On a fresh broker, services starting together race to create the same topics, and subscribing
   * to one whose leader is not elected yet fails; so create what is missing and retry until ready.
   */
  private async subscribeWhenReady(consumer: Consumer, topics: string[], deadline = Date.now() + 60_000): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ensureTopics(topics);
        await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
        return;
      } catch (error) {
        const retriable =
          (error as { retriable?: boolean; type?: string }).retriable ||
          /does not host this topic-partition|leader/i.test((error as Error).message);
        if (!retriable || Date.now() > deadline) throw error;
        this.logger.warn(`topics not ready yet (${(error as Error).message}); retrying (attempt ${attempt})`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2000)));
      }
    }
  }

  /** Subscribing to a topic that auto-creation has not finished electing a leader for fails; create them all first. */
  private async ensureTopics(topics: string[]): Promise<void> {
    const admin = (this.client as Kafka).admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const wanted = new Set([...Object.values(TOPICS).map((t) => t + this.suffix), ...topics]);
      const missing = [...wanted].filter((t) => !existing.has(t));
      // Two services creating the same topic at once: the loser's createTopics fails as retriable.
      await createTopicsAllowed(admin, missing, this.layout.partitions, this.layout.replication);
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Nest tries JSON.parse on every message's pattern first and falls back on the thrown SyntaxError; our
   * patterns are topic names, never JSON, and that exception per message was 3-5% of each service's CPU.
   */
  override getRouteFromPattern(pattern: string): string {
    return /^[[{"]/.test(pattern) ? super.getRouteFromPattern(pattern) : this.normalizePattern(pattern);
  }

  override getHandlerByPattern(pattern: string) {
    const logical = this.suffix && pattern.endsWith(this.suffix) ? pattern.slice(0, -this.suffix.length) : pattern;
    return super.getHandlerByPattern(logical);
  }
}
