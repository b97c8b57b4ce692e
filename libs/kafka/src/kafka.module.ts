import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Kafka, logLevel } from 'kafkajs';
import { ConsumerGroupHealthIndicator, ConsumerGroupState } from './consumer-group.state';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { EventPublisher } from './event-publisher';
import { InboundProcessor } from './inbound';
import { KafkaHealthIndicator } from './kafka.health';
import { KAFKA_CLIENT, KAFKA_OPTIONS, type KafkaOptions } from './kafka.options';
import { TopicResolver } from './topic-resolver';

@Global()
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaOptions): DynamicModule {
    const client = {
      provide: KAFKA_CLIENT,
      useFactory: () =>
        new Kafka({
          clientId: options.clientId,
          brokers: [...options.brokers],
          logLevel: logLevel.WARN,
          retry: { retries: 8 },
          ...(options.ssl ? { ssl: options.ssl } : {}),
          ...(options.sasl ? { sasl: options.sasl } : {}),
        }),
    };
    const providers = [
      { provide: KAFKA_OPTIONS, useValue: options },
      client,
      TopicResolver,
      EventPublisher,
      DeadLetterPublisher,
      InboundProcessor,
      KafkaHealthIndicator,
      ConsumerGroupState,
      ConsumerGroupHealthIndicator,
    ];
    return { module: KafkaModule, imports: [TerminusModule], providers, exports: providers };
  }
}
