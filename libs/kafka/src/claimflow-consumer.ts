import type { Consumer, ConsumerConfig, ConsumerRunConfig, Kafka } from 'kafkajs';
import { handleBatch, type MessageHandling } from './batch-handling';
import type { ConsumerGroupState } from './consumer-group.state';
import { CrashRestarts } from './crash-restarts';
import { withDeadline } from './kafka.health';
import { logicalTopic } from './kafka.metrics';
import { OwnerTopics } from './owner-topics';
import { OwnerTopicWatcher } from './owner-topic-watcher';
import { SingleFlight } from './single-flight';
import { listBrokerTopics, subscribeWhenReady } from './topic-admin';
import type { ConsumerExtras, TopicLayout } from './topic-layout';

/** Handlers side by side when the layout does not say: a handful, each holding a database connection at most. */
const DEFAULT_KEYS_IN_PARALLEL = 8;

/**
 * How long close() waits for the consumer to leave its group. Leaving takes well under a second with a broker that
 * answers (run-service.ts); with the broker away it waits on it (seen: over 15 s, frozen). Past this the consumer is
 * abandoned (the group drops it after its session, its uncommitted messages are delivered again), leaving the rest
 * of SHUTDOWN_DEADLINE_MS (8 s) to the other stops (producers, Prisma).
 */
export const LEAVE_GROUP_MS = 4_000;

export interface ClaimflowConsumerOptions extends ConsumerExtras {
  /** The process's one kafkajs client (KafkaModule's), shared with the publisher and the health probe. */
  readonly kafka: Kafka;
  /** kafkajs consumer settings: groupId (with its suffix), session, heartbeats, fetch limits. */
  readonly config: ConsumerConfig;
  readonly fromBeginning?: boolean;
  /** Logical topics it consumes: handler patterns, owner families (`<base>.{owner}`) included. */
  readonly patterns: Iterable<string>;
  readonly layout: TopicLayout;
  readonly handle: MessageHandling;
  readonly logger: { log(message: string): void; warn(message: string): void };
}

/**
 * The Kafka consumer ClaimFlow owns, on kafkajs: init() connects it, start() subscribes (creating missing topics
 * first) and runs it, close() stops it. Physical topics are the logical names plus the layout's suffix; per-owner
 * topics (a pattern `<base>.{owner}`) are every such topic on the broker, ones created later added as they appear
 * (OwnerTopicWatcher). Messages go to `handle` a fetched batch at a time (handleBatch: chunks, keys side by side,
 * chunked commits). Group membership is reported to readiness, and each chunk's lag to the metrics.
 */
export class ClaimflowConsumer {
  readonly owners: OwnerTopics;
  private readonly fixed: string[];
  private readonly commits = new SingleFlight();
  private readonly restarts = new CrashRestarts();
  private consumer?: Consumer;
  /** Topics the running consumer is subscribed to (partitionsConsumedConcurrently counts them). */
  private subscribed = 0;
  private watcher?: OwnerTopicWatcher;
  private closing = false;

  constructor(private readonly options: ClaimflowConsumerOptions) {
    const patterns = [...options.patterns];
    this.owners = new OwnerTopics(patterns, options.layout.suffix);
    this.fixed = patterns.filter((p) => !this.owners.isFamily(p)).map((p) => p + options.layout.suffix);
  }

  /** Whether there is anything to consume: a service whose handlers are all elsewhere joins no group. */
  get consumes(): boolean {
    return this.fixed.length > 0 || this.owners.any;
  }

  /** The kafkajs consumer, once init() made it. */
  get kafkaConsumer(): Consumer | undefined {
    return this.consumer;
  }

  async init(): Promise<void> {
    if (!this.consumes) {
      if (this.options.membership) this.options.membership.expected = false;
      return;
    }
    const { config } = this.options;
    // kafkajs restarts a crashed consumer after a pause; one restarting while the service closes would run on after
    // close() (seen: an ingest closed during a broker outage kept reconnecting). Closed means no restart.
    this.consumer = this.options.kafka.consumer({
      ...config,
      retry: { retries: 5, ...config.retry, restartOnFailure: async () => !this.closing },
    });
    this.watchGroup(this.consumer);
    await this.consumer.connect();
  }

  async start(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return;
    const { kafka } = this.options;
    const topics = [...this.fixed, ...(this.owners.any ? this.owners.select(await listBrokerTopics(kafka)) : [])];
    this.subscribed = topics.length;
    if (this.subscribed > 0) {
      await this.subscribe(consumer, topics);
      await consumer.run(this.runConfig());
    }
    if (!this.owners.any) return;
    this.watcher = new OwnerTopicWatcher({
      owners: this.owners,
      listTopics: () => listBrokerTopics(kafka),
      subscribe: async (added) => {
        if (this.closing) return;
        await consumer.stop();
        await consumer.subscribe({ fromBeginning: this.options.fromBeginning, topics: [...added] });
        this.subscribed += added.length;
        await consumer.run(this.runConfig());
        this.options.logger.log(`consuming ${added.length} new owner topic(s)`);
      },
      warn: (message) => this.options.logger.warn(message),
    }).start(topics);
  }

  /** Leaves the group (committing nothing more) within LEAVE_GROUP_MS, else abandons the consumer. */
  async close(): Promise<void> {
    this.closing = true;
    this.restarts.cancel();
    await this.watcher?.stop();
    const consumer = this.consumer;
    if (!consumer) return;
    await withDeadline(consumer.disconnect(), LEAVE_GROUP_MS, 'the consumer group').catch((error: Error) =>
      this.options.logger.warn(`consumer abandoned without leaving its group: ${error.message}`),
    );
  }

  private runConfig(): ConsumerRunConfig {
    const { layout } = this.options;
    const parallel = layout.partitionsInParallel ?? 1;
    return {
      partitionsConsumedConcurrently: parallel === 'all' ? this.subscribed * layout.partitions : parallel,
      eachBatchAutoResolve: false,
      // commitOffsetsIfNecessary commits whatever was resolved: once per chunk.
      autoCommitThreshold: 1,
      eachBatch: (payload) =>
        handleBatch(payload, {
          handle: this.options.handle,
          keysInParallel: layout.keysInParallel ?? DEFAULT_KEYS_IN_PARALLEL,
          commits: this.commits,
          lag: (topic, partition, lag) =>
            this.options.metrics?.lag(this.owners.patternOf(topic) ?? logicalTopic(topic, layout.suffix), partition, lag),
          holdBackMs: layout.holdBack?.[logicalTopic(payload.batch.topic, layout.suffix)],
        }),
    };
  }

  /** Creates what is missing (every ClaimFlow topic too), then subscribes; see subscribeWhenReady in topic-admin. */
  private subscribe(consumer: Consumer, topics: string[]): Promise<void> {
    const { kafka, layout, logger, fromBeginning } = this.options;
    const settings = { partitions: layout.partitions, replication: layout.replication };
    return subscribeWhenReady(kafka, consumer, { fromBeginning, topics }, layout.suffix, settings, logger);
  }

  /**
   * Group membership to readiness, and a crash kafkajs does not restart from (payload.restart false: an error it
   * counts as not retriable, see CrashRestarts) restarted here with the same subscriptions: kafkajs disconnected it,
   * so connect, then run. While closing, nothing restarts. One listener per event.
   */
  private watchGroup(consumer: Consumer): void {
    const state: ConsumerGroupState | undefined = this.options.membership;
    state?.set('joining');
    const { GROUP_JOIN, REBALANCING, CRASH, STOP, DISCONNECT } = consumer.events;
    consumer.on(GROUP_JOIN, ({ payload }) => {
      this.restarts.joined();
      state?.set('member', `joined in ${payload.duration} ms`);
    });
    consumer.on(REBALANCING, () => state?.set('joining', 'rebalancing'));
    consumer.on(CRASH, ({ payload }) => {
      state?.set(payload.restart ? 'joining' : 'crashed', payload.error.message);
      if (payload.restart || this.closing) return;
      const warn = (message: string) => this.options.logger.warn(message);
      warn(`consumer stopped by ${payload.error.name}: ${payload.error.message}; starting it again`);
      const restart = async () => {
        await consumer.connect();
        await consumer.run(this.runConfig());
      };
      this.restarts.schedule(restart, () => this.closing, warn);
    });
    consumer.on(STOP, () => state?.set('left'));
    consumer.on(DISCONNECT, () => state?.set('left'));
  }
}
