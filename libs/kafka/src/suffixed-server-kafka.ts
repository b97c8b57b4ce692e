import { ServerKafka, type KafkaOptions as NestKafkaOptions } from '@nestjs/microservices';
import type { Consumer, Kafka } from 'kafkajs';

/**
 * Nest's Kafka transport with physical topic names = logical name + suffix, so handlers keep
 * their @EventPattern(TOPICS.x) while tests and tenants each get their own topics.
 */
export class SuffixedServerKafka extends ServerKafka {
  constructor(options: NestKafkaOptions['options'], private readonly suffix: string) {
    super(options ?? {});
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()].map((pattern) => pattern + this.suffix);
    if (topics.length > 0) {
      await this.ensureTopics(topics);
      await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    }
    await consumer.run({ ...(this.options.run ?? {}), eachMessage: this.getMessageHandler() });
  }

  /** Subscribing to a topic that auto-creation has not finished electing a leader for fails; create it first. */
  private async ensureTopics(topics: string[]): Promise<void> {
    const admin = (this.client as Kafka).admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t));
      if (missing.length > 0) await admin.createTopics({ topics: missing.map((topic) => ({ topic })), waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
  }

  override getHandlerByPattern(pattern: string) {
    const logical = this.suffix && pattern.endsWith(this.suffix) ? pattern.slice(0, -this.suffix.length) : pattern;
    return super.getHandlerByPattern(logical);
  }
}
