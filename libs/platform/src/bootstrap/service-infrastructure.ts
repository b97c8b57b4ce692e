import type { DynamicModule, Type } from '@nestjs/common';
import { ConsumerGroupHealthIndicator, KafkaHealthIndicator, KafkaModule } from '@claimflow/kafka';
import { ApiDocsModule } from '../api-docs/api-docs.module';
import { kafkaConnectionSecurity, type KafkaServiceConfig } from '../config/kafka-security.config';
import { HealthModule, type ReadinessCheck } from '../health/health.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RefDataModule } from '../refdata/refdata.module';
import { EdgeModule } from '../edge/edge.module';
import { refDataSettingsOf } from '../refdata/refdata.settings';
import { structuredLogging, type LogStream } from './logger.module';

export interface InfrastructureOptions {
  readonly groupId: string;
  readonly refdata?: boolean;
  readonly readiness?: Type<ReadinessCheck>[];
  /** Where the JSON log lines go (stdout by default); tests capture them. */
  readonly logStream?: LogStream;
  /** The service's OpenAPI document, served at /openapi.json and /docs. */
  readonly openapi?: object;
}

/** What every service module imports: logs, Kafka, health and (optionally) reference data. */
export function serviceInfrastructure(name: string, config: KafkaServiceConfig, options: InfrastructureOptions): DynamicModule[] {
  const imports = [
    structuredLogging(name, config.LOG_LEVEL, options.logStream),
    EdgeModule.forRoot(config),
    KafkaModule.forRoot({
      brokers: config.KAFKA_BROKERS,
      clientId: name,
      topicSuffix: config.TOPIC_SUFFIX,
      groupId: options.groupId,
      ...kafkaConnectionSecurity(config),
    }),
    HealthModule.forIndicators([KafkaHealthIndicator, ConsumerGroupHealthIndicator, ...(options.readiness ?? [])]),
    MetricsModule.forService(name),
  ];
  if (options.openapi) imports.push(ApiDocsModule.forDocument(options.openapi));
  if (options.refdata) imports.push(RefDataModule.forRoot(refDataSettingsOf(config)));
  return imports;
}
