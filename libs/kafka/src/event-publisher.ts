import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { Partitioners, type Kafka, type Message, type Producer, type ProducerConfig } from 'kafkajs';
import { envelopeToHeaders, packRecords, type Envelope } from '@claimflow/contracts';
import { KAFKA_METRICS, type KafkaMetrics } from './kafka.metrics';
import { KAFKA_CLIENT } from './kafka.options';
import { BrokerUnavailableError, brokerUnavailable, producerStateLost } from './broker-failure';
import { TopicResolver } from './topic-resolver';
import { MAX_REQUEST_BYTES, requests } from './produce-requests';
import { KnownPartitions } from './known-partitions';

export { MAX_REQUEST_BYTES, requests };

export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly envelope: Envelope;
  readonly value: Buffer | string | object;
  readonly contentType?: string;
  readonly extraHeaders?: Record<string, string>;
}

export { producerStateLost } from './broker-failure';

/**
 * Attempts of one produce request while the cluster is away, with their pauses: ~20 s in all, past a leader
 * election (new leaders 11.8 s after kill -9 of a node on the three-broker cluster; broker.session.timeout.ms 9 s).
 * Then the caller's retry takes over (the inbound path holds the message, the outbox relay backs off).
 */
const RESEND = { attempts: 8, initialDelayMs: 300, maxDelayMs: 5_000 } as const;

/**
 * acks=all (set per send), one request in flight (per-key order), and no retry inside kafkajs: each attempt is a whole
 * send of ours (sendWhole). Not kafkajs's idempotent producer: it refuses to run without its own retries, whose
 * re-send drops partitions (kafkajs-send.spec.ts), and its sequence bookkeeping breaks on a leader change
 * (OUT_OF_ORDER_SEQUENCE_NUMBER, ibid.). A record written twice (a whole send again after a partial one, or after
 * a lost answer) carries the same message id: ingest's inbox recognises it, and a result computed twice from it is
 * refused as already recorded, as after any redelivery.
 */
export const PRODUCER_CONFIG: ProducerConfig = {
  retry: { retries: 0 },
  allowAutoTopicCreation: true,
  idempotent: false,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
};

interface Pending {
  readonly messages: OutgoingMessage[];
  readonly done: Promise<void>;
}

/**
 * Publishes with the envelope in headers and the claim id as key, acknowledged by all in-sync
 * replicas. Calls made while a send is in flight (partitions consumed concurrently, a batch of claims)
 * share the next produce request, so throughput is not bound by one round trip per message.
 *
 * One send at a time per producer, so the publications made meanwhile share the next request and per-key order
 * holds across retries. (With kafkajs's idempotent producer, two concurrent sends across a leader change got
 * OUT_OF_ORDER_SEQUENCE_NUMBER, proved in kafkajs-send.spec.ts; that answer dead-lettered, and so rejected, 109
 * claims in one cluster kill run.)
 */
@Injectable()
export class EventPublisher implements OnApplicationShutdown {
  private producer?: Producer;
  private connecting?: Promise<Producer>;
  private pending?: Pending;
  private stopping = false;
  private readonly partitions = new KnownPartitions();
  /** The send in flight (never rejects): the next batch starts after it. */
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly topics: TopicResolver,
    @Optional() @Inject(KAFKA_METRICS) private readonly metrics?: KafkaMetrics,
  ) {}

  publish(...messages: OutgoingMessage[]): Promise<void> {
    if (!this.pending) {
      const batch: OutgoingMessage[] = [];
      const done = this.inFlight
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => {
          this.pending = undefined;
          return this.send(batch);
        });
      this.pending = { messages: batch, done };
      this.inFlight = done.catch(() => undefined);
    }
    this.pending.messages.push(...messages);
    return this.pending.done;
  }

  private async send(messages: OutgoingMessage[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const m of messages) {
      const topic = this.topics.physical(m.topic);
      const list = byTopic.get(topic) ?? byTopic.set(topic, []).get(topic)!;
      list.push({
        key: m.key,
        value: Buffer.isBuffer(m.value) || typeof m.value === 'string' ? m.value : JSON.stringify(m.value),
        headers: { ...envelopeToHeaders(m.envelope, m.contentType), ...m.extraHeaders },
      });
    }
    // Claim topics are packed, a partition's messages several to a record (packRecords): Kafka's cost is per record.
    for (const [topic, list] of byTopic)
      if (this.topics.packs(topic)) byTopic.set(topic, packRecords(list, this.partitions.partitionOf(topic)));
    for (const topicMessages of requests(byTopic)) await this.sendWhole(topicMessages);
    if (!this.metrics) return;
    // One counter update a topic, not a message (prom-client's per-call label lookup showed in the pipeline profile).
    const perTopic = new Map<string, number>();
    for (const m of messages) perTopic.set(m.topic, (perTopic.get(m.topic) ?? 0) + 1);
    for (const [topic, count] of perTopic) this.metrics.produced(topic, count);
  }

  /**
   * One produce request, sent again whole while the cluster is away. Never kafkajs's own retry: it re-sends only to
   * brokers that have not answered, so the partitions of a dead leader that moved to one that had answered were
   * dropped while the send resolved (kafkajs-send.spec.ts); the outbox then deleted rows the cluster never had.
   * Sent whole, a partition that had taken its part gets it twice (see PRODUCER_CONFIG).
   */
  private async sendWhole(topicMessages: { topic: string; messages: Message[] }[]): Promise<void> {
    for (let attempt = 1, delay: number = RESEND.initialDelayMs; ; attempt++, delay = Math.min(2 * delay, RESEND.maxDelayMs)) {
      let producer: Producer | undefined;
      try {
        producer = await this.connected();
        await producer.sendBatch({ acks: -1, topicMessages });
        return;
      } catch (error) {
        const lost = producerStateLost(error);
        if (lost && producer) {
          // A new producer (a new producer id, sequences from 0) for the next attempt.
          if (this.producer === producer) this.producer = undefined;
          void producer.disconnect().catch(() => undefined);
        }
        if (!lost && !brokerUnavailable(error)) throw error;
        const why = lost ? `the partition leader lost this producer's state (${lost})` : (error as Error).message;
        if (attempt >= RESEND.attempts || this.stopping)
          throw new BrokerUnavailableError(`the cluster did not take the batch after ${attempt} attempt(s): ${why}`, error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private connected(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({ ...PRODUCER_CONFIG, createPartitioner: this.partitions.createPartitioner });
      await producer.connect();
      this.producer = producer;
      return producer;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.pending?.done.catch(() => undefined);
    await this.producer?.disconnect();
    this.producer = undefined;
  }
}
