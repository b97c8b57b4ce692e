import { MAX_REQUEST_BYTES } from '@claimflow/kafka';
import { createTopicsLed, kafkaClientSecurity } from '@claimflow/testing';
import { Kafka, Partitioners, logLevel, type Consumer, type Message, type Producer } from 'kafkajs';

/** Who does what in a null pipeline: topic i+1 is fed by hops[i], reading topic i. */
export interface NullPipelineShape {
  /** The topics in order (the source writes the first, the sink reads the last). */
  readonly topics: readonly string[];
  /** Value size in bytes on each topic; a hop whose output size equals its input's forwards the value untouched. */
  readonly sizes: readonly number[];
  /** The principal (SASL user) of the source, of each forwarding hop and of the sink; each gets its own Kafka client. */
  readonly principals: { readonly source: string; readonly hops: readonly string[]; readonly sink: string };
  /** Consumer groups of each forwarding hop and of the sink (the principals' ACLs cover them). */
  readonly groups: { readonly hops: readonly string[]; readonly sink: string };
}

export interface NullPipelineOptions {
  readonly brokers: string[];
  readonly partitions: number;
  readonly messages: number;
  readonly shape: NullPipelineShape;
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
/** A JSON value of exactly `size` bytes (when size allows): {"n":<n>,"pad":"xxx…"}. */
const valueOf = (size: number, n: number) => {
  const head = `{"n":${n},"pad":"`;
  return `${head}${'x'.repeat(Math.max(0, size - head.length - 2))}"}`;
};

/**
 * The transport alone: hops that consume a batch and produce it on, with the services' partitions,
 * keys, headers and producer settings (idempotent, acks all, one request in flight), doing no work:
 * no decoding, no validation, no encoding. Its throughput is what Kafka allows on this machine now.
 * Every client signs in on the secured listener (SASL_SSL) as its shape's principal.
 */
export async function runNullPipeline(options: NullPipelineOptions): Promise<NullPipelineResult> {
  const { topics, sizes, principals, groups } = options.shape;
  if (sizes.length !== topics.length || principals.hops.length !== topics.length - 1 || groups.hops.length !== topics.length - 1) {
    throw new Error('null pipeline: one size per topic, one principal and group per hop');
  }
  const clients = new Map<string, Kafka>();
  /** One Kafka client per principal, as each service has its own. */
  const kafkaOf = (principal: string) => {
    const security = kafkaClientSecurity(principal, options.brokers);
    if (!clients.has(principal)) {
      clients.set(
        principal,
        new Kafka({ clientId: `bench-null-${principal}`, brokers: options.brokers, logLevel: logLevel.NOTHING, ...security }),
      );
    }
    return clients.get(principal)!;
  };
  const admin = kafkaOf('admin').admin();
  await admin.connect();
  await createTopicsLed(admin, topics, options.partitions);
  await admin.disconnect();

  const consumers: Consumer[] = [];
  const producers: Producer[] = [];
  const producer = (principal: string) => {
    const p = kafkaOf(principal).producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    producers.push(p);
    return p;
  };
  const consumer = async (principal: string, groupId: string, topic: string) => {
    const c = kafkaOf(principal).consumer({ groupId });
    consumers.push(c);
    await c.connect();
    await c.subscribe({ topics: [topic], fromBeginning: true });
    return c;
  };
  const receivedAt = new Map<string, number>();
  try {
    for (let hop = 1; hop < topics.length; hop++) {
      const out = producer(principals.hops[hop - 1]);
      await out.connect();
      const hopConsumer = await consumer(principals.hops[hop - 1], groups.hops[hop - 1], topics[hop - 1]);
      const size = sizes[hop];
      const passOn = size === sizes[hop - 1];
      const send = coalescing(out, topics[hop]);
      await hopConsumer.run({
        partitionsConsumedConcurrently: 8,
        eachBatch: async ({ batch }) => {
          await send(batch.messages.map((m, i) => ({ key: m.key, headers: m.headers, value: passOn ? m.value : valueOf(size, i) })));
        },
      });
    }
    const sink = await consumer(principals.sink, groups.sink, topics[topics.length - 1]);
    await sink.run({
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        for (const m of batch.messages) receivedAt.set(m.key!.toString(), now);
      },
    });
    // Let every group settle before the clock starts, as the services have joined before their burst.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const source = producer(principals.source);
    await source.connect();
    const sentAt = new Map<string, number>();
    const started = Date.now();
    for (let i = 0; i < options.messages; i += 100) {
      const messages = Array.from({ length: Math.min(100, options.messages - i) }, (_, j) => {
        const key = `N-${i + j}`;
        sentAt.set(key, Date.now());
        return { key, value: valueOf(sizes[0], i + j), headers: { 'content-type': 'application/json', 'cf-correlation-id': key } };
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
    const cleanup = kafkaOf('admin').admin();
    await cleanup.connect();
    await cleanup.deleteTopics({ topics: [...topics] }).catch(() => undefined);
    await cleanup.disconnect();
  }
}
