import type { Producer } from 'kafkajs';
import { TOPICS } from '@claimflow/contracts';
import { waitFor, type RecordedMessage, type TopicRecorder } from '@claimflow/testing';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface TrackerOptions {
  /** The bench owner's submit topic, the test's topic suffix, the claims sent in turn and the paced phases' claims/s. */
  readonly submitTopic: string;
  readonly suffix: string;
  readonly scenarios: readonly object[];
  readonly rate: number;
}

/** Claims published and their arrival on the priced topic (or the dead-letter topic), matched by correlation id. */
export class Tracker {
  private readonly sentAt = new Map<string, number>();
  private readonly arrivedAt = new Map<string, number>();
  private readonly deadLettered = new Set<string>();
  private seen = 0;

  constructor(
    private readonly recorder: TopicRecorder,
    private readonly options: TrackerOptions,
  ) {}

  private poll(): void {
    const { suffix } = this.options;
    const messages: RecordedMessage[] = this.recorder.messages;
    for (; this.seen < messages.length; this.seen++) {
      const m = messages[this.seen];
      const id = m.headers['cf-correlation-id'];
      if (m.topic === TOPICS.claimsNormalized + suffix || m.topic === TOPICS.claimsValidated + suffix) continue;
      if (!this.sentAt.has(id) || this.arrivedAt.has(id)) continue;
      this.arrivedAt.set(id, m.receivedAt);
      if (m.topic !== TOPICS.claimsPriced + suffix) this.deadLettered.add(id);
    }
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
    const first = Math.min(...ids.map((id) => this.sentAt.get(id)!));
    const last = Math.max(...ids.map((id) => this.arrivedAt.get(id)!));
    const deadLettered = ids.filter((id) => this.deadLettered.has(id)).length;
    return {
      claims: count,
      deadLettered,
      seconds: (last - first) / 1000,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
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
    return { claims: total, claimsPerSecond: rate, p50Ms: result.p50Ms, p99Ms: result.p99Ms, deadLettered: result.deadLettered };
  }
}
