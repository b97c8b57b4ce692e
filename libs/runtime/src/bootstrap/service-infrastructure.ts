import type { DynamicModule, Type } from '@nestjs/common';
import { ConsumerGroupHealthIndicator, KafkaHealthIndicator, KafkaModule } from '@claimflow/kafka';
import { PACKED_TOPICS } from '@claimflow/contracts';
import { RefDataModule, refDataSettingsOf } from '@claimflow/refdata';
import { kafkaConnectionSecurity, type KafkaServiceConfig } from '../config/kafka-security.config';
import { HealthModule, type ReadinessCheck } from '../health/health.module';
import { ServiceMetricsModule } from '../metrics/service-metrics.module';
import type { ServiceMetrics } from '../metrics/service-metrics';
import type { HttpEdgePort } from './http-edge.port';
import { structuredLogging, type LogStream } from './logger.module';

export interface InfrastructureOptions {
  readonly groupId: string;
  /** The HTTP edge (@claimflow/http-edge's httpEdge). */
  readonly edge: HttpEdgePort;
  readonly refdata?: boolean;
  readonly readiness?: Type<ReadinessCheck>[];
  /** Where the JSON log lines go (stdout by default); tests capture them. */
  readonly logStream?: LogStream;
  /** The service's OpenAPI document, served at /openapi.json and /docs. */
  readonly openapi?: object;
  /** The service's own metric series: a ServiceMetrics subclass declaring them (default: the shared series only). */
  readonly metrics?: Type<ServiceMetrics>;
}

/** What every Kafka service module imports: logs, its HTTP edge, Kafka, health, metrics and (optionally) reference data. */
export function serviceInfrastructure(name: string, config: KafkaServiceConfig, options: InfrastructureOptions): DynamicModule[] {
  const imports = [
    structuredLogging(name, config.LOG_LEVEL, options.logStream),
    ...options.edge.modules(config, { openapi: options.openapi }),
    KafkaModule.forRoot({
      brokers: config.KAFKA_BROKERS,
      clientId: name,
      topicSuffix: config.TOPIC_SUFFIX,
      groupId: options.groupId,
      packedTopics: config.KAFKA_PACK_RECORDS ? PACKED_TOPICS : [],
      ...kafkaConnectionSecurity(config),
    }),
    HealthModule.forIndicators([KafkaHealthIndicator, ConsumerGroupHealthIndicator, ...(options.readiness ?? [])]),
    ServiceMetricsModule.forService(name, options.metrics),
  ];
  if (options.refdata) imports.push(RefDataModule.forRoot(refDataSettingsOf(config)));
  return imports;
}
