import { ServerKafka, type KafkaOptions as NestKafkaOptions } from '@nestjs/microservices';
import type { Consumer } from 'kafkajs';

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
    if (topics.length > 0) await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    await consumer.run({ ...(this.options.run ?? {}), eachMessage: this.getMessageHandler() });
  }

  override getHandlerByPattern(pattern: string) {
    const logical = this.suffix && pattern.endsWith(this.suffix) ? pattern.slice(0, -this.suffix.length) : pattern;
    return super.getHandlerByPattern(logical);
  }
}
