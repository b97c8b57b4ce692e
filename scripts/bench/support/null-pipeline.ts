import { MAX_REQUEST_BYTES } from '@claimflow/kafka';
import { kafkaClientSecurity } from '@claimflow/testing';
import { Kafka, Partitioners, logLevel, type Consumer, type Message, type Producer } from 'kafkajs';

export interface NullPipelineOptions {
  readonly brokers: string[];
  readonly suffix: string;
  readonly partitions: number;
  readonly messages: number;
  /** Value sizes in bytes of what enters the first hop and of what each of the three hops passes on. */
  readonly sizes: readonly [number, number, number, number];
}

export interface NullPipelineResult {
  readonly messages: number;
  readonly seconds: number;
  readonly claimsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Produce requests of at most MAX_REQUEST_BYTES of values, as EventPublisher splits them (the broker refuses batches over 1 MB). */
function* bySize(messages: Message[]): Generator<Message[]> {
  let part: Message[] = [];
  let bytes = 0;
  for (const m of messages) {
    const size = typeof m.value === 'string' ? Buffer.byteLength(m.value) : (m.value?.length ?? 0);
    if (part.length > 0 && bytes + size > MAX_REQUEST_BYTES) {
      yield part;
      part = [];
      bytes = 0;
    }
    part.push(m);
    bytes += size;
  }
  if (part.length > 0) yield part;
}

/**
 * Sends what concurrent batches hand over in one produce request, one request at a time, as the
 * services' EventPublisher does (concurrent sends on one idempotent producer stall it).
 */
function coalescing(producer: Producer, topic: string) {
  let pending: { messages: Message[]; done: Promise<void> } | undefined;
  let previous: Promise<unknown> = Promise.resolve();
  return (messages: Message[]): Promise<void> => {
    if (!pending) {
      const batch: Message[] = [];
      const before = previous;
      const done = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => before)
        .then(async () => {
          pending = undefined;
          for (const part of bySize(batch)) await producer.send({ topic, acks: -1, messages: part });
        });
      previous = done.catch(() => undefined);
      pending = { messages: batch, done };
    }
    pending.messages.push(...messages);
    return pending.done;
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const valueOf = (size: number, n: number) => `{"n":${n},"pad":"${'x'.repeat(Math.max(0, size - 20))}"}`;

/**
 * The transport alone: the pipeline's three hops (consume a batch, produce it on), with the same
 * partitions, keys, headers, message sizes and producer settings (idempotent, acks all, one request
 * in flight) as the services, doing no work. Its throughput is what Kafka allows on this machine now.
 */
export async function runNullPipeline(options: NullPipelineOptions): Promise<NullPipelineResult> {
  // The same secured listener (SASL_SSL) as the services, so the ratio prices the work, not TLS and SASL.
  const security = kafkaClientSecurity('admin', options.brokers);
  const kafka = new Kafka({ clientId: 'bench-null', brokers: options.brokers, logLevel: logLevel.NOTHING, ...security });
  const topics = [0, 1, 2, 3].map((i) => `bench.null-${i}${options.suffix}`);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: options.partitions })), waitForLeaders: true });
  await admin.disconnect();

  const consumers: Consumer[] = [];
  const producers: Producer[] = [];
  const producer = () => {
    const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    producers.push(p);
    return p;
  };
  const receivedAt = new Map<string, number>();
  try {
    for (let hop = 1; hop <= 3; hop++) {
      const out = producer();
      await out.connect();
      const consumer = kafka.consumer({ groupId: `bench-null-${hop}${options.suffix}` });
      consumers.push(consumer);
      await consumer.connect();
      await consumer.subscribe({ topics: [topics[hop - 1]], fromBeginning: true });
      const size = options.sizes[hop];
      const send = coalescing(out, topics[hop]);
      await consumer.run({
        partitionsConsumedConcurrently: 8,
        eachBatch: async ({ batch }) => {
          await send(batch.messages.map((m, i) => ({ key: m.key, headers: m.headers, value: valueOf(size, i) })));
        },
      });
    }
    const sink = kafka.consumer({ groupId: `bench-null-sink${options.suffix}` });
    consumers.push(sink);
    await sink.connect();
    await sink.subscribe({ topics: [topics[3]], fromBeginning: true });
    await sink.run({
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        for (const m of batch.messages) receivedAt.set(m.key!.toString(), now);
      },
    });
    // Let every group settle before the clock starts, as the services have joined before their burst.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const source = producer();
    await source.connect();
    const sentAt = new Map<string, number>();
    const started = Date.now();
    for (let i = 0; i < options.messages; i += 100) {
      const messages = Array.from({ length: Math.min(100, options.messages - i) }, (_, j) => {
        const key = `N-${i + j}`;
        sentAt.set(key, Date.now());
        return { key, value: valueOf(options.sizes[0], i + j), headers: { 'content-type': 'application/json', 'cf-correlation-id': key } };
      });
      await source.send({ topic: topics[0], messages });
    }
    const deadline = Date.now() + 600_000;
    while (receivedAt.size < options.messages) {
      if (Date.now() > deadline) throw new Error(`null pipeline: ${receivedAt.size} of ${options.messages} arrived in time`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const latencies = [...receivedAt].map(([key, at]) => at - sentAt.get(key)!).sort((a, b) => a - b);
    const seconds = (Math.max(...receivedAt.values()) - started) / 1000;
    return {
      messages: options.messages,
      seconds: +seconds.toFixed(2),
      claimsPerSecond: Math.round(options.messages / seconds),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
    };
  } finally {
    await Promise.all(consumers.map((c) => c.disconnect()));
    await Promise.all(producers.map((p) => p.disconnect()));
    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteTopics({ topics }).catch(() => undefined);
    await cleanup.disconnect();
  }
}
