import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { envelopeToHeaders, type Envelope } from '@claimflow/contracts';
import { KAFKA_CLIENT } from './kafka.options';
import { TopicResolver } from './topic-resolver';

export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly envelope: Envelope;
  readonly value: Buffer | string | object;
  readonly contentType?: string;
  readonly extraHeaders?: Record<string, string>;
}

/** Publishes with the envelope in headers and the claim id as key; acks from all in-sync replicas. */
@Injectable()
export class EventPublisher implements OnApplicationShutdown {
  private producer?: Producer;
  private connecting?: Promise<Producer>;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly topics: TopicResolver,
  ) {}

  async publish(...messages: OutgoingMessage[]): Promise<void> {
    const producer = await this.connected();
    await producer.sendBatch({
      acks: -1,
      topicMessages: messages.map((m) => ({
        topic: this.topics.physical(m.topic),
        messages: [
          {
            key: m.key,
            value: Buffer.isBuffer(m.value) || typeof m.value === 'string' ? m.value : JSON.stringify(m.value),
            headers: { ...envelopeToHeaders(m.envelope, m.contentType), ...m.extraHeaders },
          },
        ],
      })),
    });
  }

  private connected(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      // One request in flight keeps per-key order; consumers are idempotent, so a retried send is harmless.
      const producer = this.kafka.producer({ allowAutoTopicCreation: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      this.producer = producer;
      return producer;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = undefined;
  }
}
