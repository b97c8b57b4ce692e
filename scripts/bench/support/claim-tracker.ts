import type { Producer } from 'kafkajs';
import { HEADERS, TOPICS } from '@claimflow/contracts';
import { TopicRecorder, waitFor, type RecordedMessage } from '@claimflow/testing';
import { messagesPerRecord } from './messages-per-record';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface TrackerOptions {
  /** The bench owner's submit topic, the test's topic suffix, the claims sent in turn and the paced phases' claims/s. */
  readonly submitTopic: string;
  readonly suffix: string;
  readonly scenarios: readonly object[];
  readonly rate: number;
}

/**
 * The bench's two consumers, each reading every partition side by side: one for the end of a claim's path (priced,
 * dead-letter), whose arrival is the latency measured, one for the hops' boundaries (normalized and validated: their
 * Kafka timestamps, and their sizes). Measured alone, kafkajs consuming 2.7 KB messages at ~390/s on 12 partitions
 * while two more topics took ~770/s: 120-131 / 237-262 ms p50 / p99 with one consumer of all three, 35-36 / 70-79 ms
 * with a consumer of that topic alone.
 */
export async function startBenchRecorders(brokers: string[], suffix: string, partitions: number) {
  const start = (topics: string[], name: string) =>
    TopicRecorder.start(
      brokers,
      topics.map((t) => t + suffix),
      `bench-${name}${suffix}`,
      partitions,
      topics.length * partitions,
    );
  const all = await Promise.all([
    start([TOPICS.claimsPriced, TOPICS.claimsDeadLetter], 'arrivals'),
    start([TOPICS.claimsNormalized, TOPICS.claimsValidated], 'hops'),
  ]);
  const on = (topic: string) => all.flatMap((recorder) => recorder.on(topic));
  return {
    all,
    on,
    /** Messages a Kafka record carried on each claim topic, so far (messagesPerRecord). */
    records: () => messagesPerRecord(brokers, suffix, (topic) => on(topic).length),
    stop: () => Promise.all(all.map((recorder) => recorder.stop())),
  };
}

/** Claims published and their arrival on the priced topic (or the dead-letter topic), matched by correlation id. */
export class Tracker {
  private readonly sentAt = new Map<string, number>();
  private readonly arrivedAt = new Map<string, number>();
  /** When pricing sent each claim's priced message (its Kafka timestamp): the pipeline's latency without the bench's. */
  private readonly pricedAt = new Map<string, number>();
  /** When each claim's normalized and validated messages were sent (their Kafka timestamps: the hops' boundaries). */
  private readonly normalizedAt = new Map<string, number>();
  private readonly validatedAt = new Map<string, number>();
  /** When ingest wrote each claim's normalized message (its envelope's occurredAt), before its outbox relay sent it. */
  private readonly normalizedWrittenAt = new Map<string, number>();
  private readonly deadLettered = new Set<string>();
  /** How many of each recorder's messages poll() has read. */
  private readonly seen: number[];

  constructor(
    private readonly recorders: readonly TopicRecorder[],
    private readonly options: TrackerOptions,
  ) {
    this.seen = recorders.map(() => 0);
  }

  private poll(): void {
    this.recorders.forEach((recorder, r) => {
      for (; this.seen[r] < recorder.messages.length; this.seen[r]++) this.read(recorder.messages[this.seen[r]]);
    });
  }

  private read(m: RecordedMessage): void {
    const { suffix } = this.options;
    const id = m.headers['cf-correlation-id'];
    if (m.topic === TOPICS.claimsNormalized + suffix) {
      if (!this.normalizedAt.has(id)) this.normalizedAt.set(id, m.producedAt);
      const written = Date.parse(m.headers[HEADERS.occurredAt] ?? '');
      if (!this.normalizedWrittenAt.has(id) && Number.isFinite(written)) this.normalizedWrittenAt.set(id, written);
      return;
    }
    if (m.topic === TOPICS.claimsValidated + suffix) {
      if (!this.validatedAt.has(id)) this.validatedAt.set(id, m.producedAt);
      return;
    }
    if (!this.sentAt.has(id) || this.arrivedAt.has(id)) return;
    this.arrivedAt.set(id, m.receivedAt);
    this.pricedAt.set(id, m.producedAt);
    if (m.topic !== TOPICS.claimsPriced + suffix) this.deadLettered.add(id);
  }

  async send(producer: Producer, prefix: string, from: number, count: number): Promise<void> {
    const { scenarios, submitTopic } = this.options;
    const messages = Array.from({ length: count }, (_, j) => {
      const n = from + j;
      const id = `${prefix}-${n}`;
      return {
        key: id,
        value: JSON.stringify({ ...scenarios[n % scenarios.length], submitterClaimId: id }),
        headers: { 'content-type': 'application/json', 'cf-correlation-id': id },
      };
    });
    const now = Date.now();
    for (const m of messages) this.sentAt.set(m.key, now);
    await producer.send({ topic: submitTopic, messages });
  }

  async waitAll(prefix: string, count: number, description: string) {
    const ids = Array.from({ length: count }, (_, n) => `${prefix}-${n}`);
    await waitFor(
      () => {
        this.poll();
        return ids.every((id) => this.arrivedAt.has(id));
      },
      { description, timeoutMs: 900_000, intervalMs: 100 },
    );
    const latencies = ids.map((id) => this.arrivedAt.get(id)! - this.sentAt.get(id)!).sort((a, b) => a - b);
    const pipeline = ids.map((id) => (this.pricedAt.get(id) ?? this.arrivedAt.get(id)!) - this.sentAt.get(id)!).sort((a, b) => a - b);
    const first = Math.min(...ids.map((id) => this.sentAt.get(id)!));
    const last = Math.max(...ids.map((id) => this.arrivedAt.get(id)!));
    const deadLettered = ids.filter((id) => this.deadLettered.has(id)).length;
    // Where the time goes, hop by hop (ingest: submitted to normalized; validator; pricing), p50 and p99 over the claims
    // that took every hop (a claim rejected at intake has no normalized message).
    const hop = (from: Map<string, number>, to: Map<string, number>) => {
      const spans = ids.filter((id) => from.has(id) && to.has(id)).map((id) => to.get(id)! - from.get(id)!);
      spans.sort((a, b) => a - b);
      return spans.length > 0 ? { p50Ms: percentile(spans, 50), p99Ms: percentile(spans, 99) } : undefined;
    };
    const hops = {
      ingest: hop(this.sentAt, this.normalizedAt),
      // The ingest hop in two: consumed and recorded (the message written to the outbox), then relayed to the broker.
      ingestIntake: hop(this.sentAt, this.normalizedWrittenAt),
      ingestOutbox: hop(this.normalizedWrittenAt, this.normalizedAt),
      validator: hop(this.normalizedAt, this.validatedAt),
      pricing: hop(this.validatedAt, this.pricedAt),
      // What the bench's own consumer added: the priced message sent, then received here.
      benchConsumer: hop(this.pricedAt, this.arrivedAt),
    };
    return {
      claims: count,
      deadLettered,
      hops,
      seconds: (last - first) / 1000,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      // The pipeline's own latency: submitted until pricing sent the priced message (without the bench consumer's lag).
      pipelineP50Ms: percentile(pipeline, 50),
      pipelineP99Ms: percentile(pipeline, 99),
    };
  }

  /** `rate` claims a second for `seconds`, sent in 20 ms ticks. */
  async paced(producer: Producer, prefix: string, seconds: number) {
    const { rate } = this.options;
    const total = Math.round(rate * seconds);
    const started = Date.now();
    for (let sent = 0; sent < total;) {
      const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate) + 1);
      if (due > sent) {
        await this.send(producer, prefix, sent, due - sent);
        sent = due;
      }
      await sleep(20);
    }
    const result = await this.waitAll(prefix, total, `${prefix}: ${total} paced claims priced`);
    return {
      claims: total,
      claimsPerSecond: rate,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      pipelineP50Ms: result.pipelineP50Ms,
      pipelineP99Ms: result.pipelineP99Ms,
      deadLettered: result.deadLettered,
      hops: result.hops,
    };
  }
}
