import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { envelopeToHeaders, type Envelope } from '@claimflow/contracts';
import { KAFKA_METRICS, type KafkaMetrics } from './kafka.metrics';
import { KAFKA_CLIENT } from './kafka.options';
import { RetriableError } from './retry';
import { TopicResolver } from './topic-resolver';

export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly envelope: Envelope;
  readonly value: Buffer | string | object;
  readonly contentType?: string;
  readonly extraHeaders?: Record<string, string>;
}

/**
 * Values per produce request at most: the broker refuses a partition's record batch over
 * message.max.bytes (1 MB by default), and a large coalesced batch of priced claims gets there.
 */
export const MAX_REQUEST_BYTES = 512 * 1024;

const sizeOf = (m: Message) => (typeof m.value === 'string' ? Buffer.byteLength(m.value) : (m.value?.length ?? 0));

/** The messages split into produce requests of at most MAX_REQUEST_BYTES of values, in order. */
export function* requests(byTopic: ReadonlyMap<string, Message[]>): Generator<{ topic: string; messages: Message[] }[]> {
  let request: { topic: string; messages: Message[] }[] = [];
  let bytes = 0;
  for (const [topic, messages] of byTopic) {
    for (const message of messages) {
      const size = sizeOf(message);
      if (bytes > 0 && bytes + size > MAX_REQUEST_BYTES) {
        yield request;
        request = [];
        bytes = 0;
      }
      const last = request[request.length - 1];
      if (last?.topic === topic) last.messages.push(message);
      else request.push({ topic, messages: [message] });
      bytes += size;
    }
  }
  if (request.length > 0) yield request;
}

/**
 * Broker answers after which kafkajs's idempotent producer never recovers (it has no epoch bump): the partition
 * leader does not know its producer id or sequence, which a leader change on a cluster can cause.
 */
const PRODUCER_STATE_LOST = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

/** The broker's error type behind a kafkajs error (kafkajs wraps it in `cause`), when it says the producer state is lost. */
export function producerStateLost(error: unknown): string | undefined {
  for (let e = error as { type?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++)
    if (e.type && PRODUCER_STATE_LOST.has(e.type)) return e.type;
  return undefined;
}

interface Pending {
  readonly messages: OutgoingMessage[];
  readonly done: Promise<void>;
}

/**
 * Publishes with the envelope in headers and the claim id as key, acknowledged by all in-sync
 * replicas. Calls made in the same tick (partitions consumed concurrently, a batch of claims)
 * share one produce request, so throughput is not bound by one round trip per message.
 */
@Injectable()
export class EventPublisher implements OnApplicationShutdown {
  private producer?: Producer;
  private connecting?: Promise<Producer>;
  private pending?: Pending;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly topics: TopicResolver,
    @Optional() @Inject(KAFKA_METRICS) private readonly metrics?: KafkaMetrics,
  ) {}

  publish(...messages: OutgoingMessage[]): Promise<void> {
    if (!this.pending) {
      const batch: OutgoingMessage[] = [];
      const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.pending = undefined;
        return this.send(batch);
      });
      this.pending = { messages: batch, done };
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
    const producer = await this.connected();
    try {
      for (const topicMessages of requests(byTopic)) await producer.sendBatch({ acks: -1, topicMessages });
    } catch (error) {
      const lost = producerStateLost(error);
      if (!lost) throw error;
      // A new producer (a new producer id, sequences from 0) for the next attempt; the caller retries (the outbox
      // relay, the inbound retry) under the same message ids, which consumers recognise if the first write landed.
      if (this.producer === producer) this.producer = undefined;
      void producer.disconnect().catch(() => undefined);
      throw new RetriableError(`the partition leader lost this producer's state (${lost}); a new producer takes over`, error);
    }
    for (const m of messages) this.metrics?.produced(m.topic, 1);
  }

  private connected(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      // Idempotent, one request in flight: a retried send is written once and per-key order is kept.
      const producer = this.kafka.producer({
        allowAutoTopicCreation: true,
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
      return producer;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pending?.done.catch(() => undefined);
    await this.producer?.disconnect();
    this.producer = undefined;
  }
}
