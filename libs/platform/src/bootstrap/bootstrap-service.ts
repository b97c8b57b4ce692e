import type { Type, DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { Partitioners } from 'kafkajs';
import { Logger } from 'nestjs-pino';
import { KAFKA_METRICS, SuffixedServerKafka, type KafkaMetrics } from '@claimflow/kafka';
import type { BaseConfig } from '../config/base.config';

export interface ServiceBootstrapOptions {
  readonly name: string;
  readonly module: Type<unknown> | DynamicModule;
  readonly config: BaseConfig & { readonly PORT: number };
  /** Consumer group; omit for a service that consumes nothing. */
  readonly groupId?: string;
  readonly bodyLimit?: string;
  /** Parse text bodies (X12 as text/plain); off where a service streams them itself. */
  readonly parseText?: boolean;
}

/** Starts one service: HTTP server, Kafka consumer (Nest's Kafka transport) and shutdown hooks. */
export async function bootstrapService(options: ServiceBootstrapOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(options.module, { bufferLogs: true, bodyParser: false });
  const limit = options.bodyLimit ?? '1mb';
  app.useBodyParser('json', { limit, type: ['application/json', 'application/fhir+json', 'application/*+json'] });
  if (options.parseText !== false) app.useBodyParser('text', { limit, type: ['text/plain', 'application/edi-x12', 'application/x12'] });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  if (options.groupId) {
    const { config } = options;
    const strategy = new SuffixedServerKafka(
      {
        postfixId: '',
        client: { clientId: options.name, brokers: [...config.KAFKA_BROKERS], retry: { retries: 8 } },
        consumer: {
          groupId: options.groupId + config.TOPIC_SUFFIX,
          allowAutoTopicCreation: true,
          sessionTimeout: 30000,
          heartbeatInterval: 3000,
        },
        subscribe: { fromBeginning: true },
        // Each partition is ordered; different partitions (different claims) are handled side by side.
        run: { partitionsConsumedConcurrently: 3 },
        producer: { createPartitioner: Partitioners.DefaultPartitioner },
        parser: { keepBinary: true },
      },
      config.TOPIC_SUFFIX,
      kafkaMetrics(app),
    );
    app.connectMicroservice({ strategy }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await app.listen(options.config.PORT, options.config.HOST);
  return app;
}

/** The metrics the Kafka transport reports lag to, when the service module includes them. */
function kafkaMetrics(app: NestExpressApplication): KafkaMetrics | undefined {
  try {
    return app.get<KafkaMetrics>(KAFKA_METRICS, { strict: false });
  } catch {
    return undefined;
  }
}
