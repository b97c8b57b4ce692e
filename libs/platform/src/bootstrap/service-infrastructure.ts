import type { DynamicModule, Type } from '@nestjs/common';
import { KafkaHealthIndicator, KafkaModule } from '@claimflow/kafka';
import { ApiDocsModule } from '../api-docs/api-docs.module';
import type { BaseConfig } from '../config/base.config';
import { HealthModule, type ReadinessCheck } from '../health/health.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RefDataModule } from '../refdata/refdata.module';
import { structuredLogging } from './logger.module';

export interface InfrastructureOptions {
  readonly groupId: string;
  readonly refdata?: boolean;
  readonly readiness?: Type<ReadinessCheck>[];
  /** The service's OpenAPI document, served at /openapi.json and /docs. */
  readonly openapi?: object;
}

/** What every service module imports: logs, Kafka, health and (optionally) reference data. */
export function serviceInfrastructure(name: string, config: BaseConfig, options: InfrastructureOptions): DynamicModule[] {
  const imports = [
    structuredLogging(name, config.LOG_LEVEL),
    KafkaModule.forRoot({ brokers: config.KAFKA_BROKERS, clientId: name, topicSuffix: config.TOPIC_SUFFIX, groupId: options.groupId }),
    HealthModule.forIndicators([KafkaHealthIndicator, ...(options.readiness ?? [])]),
    MetricsModule.forService(name),
  ];
  if (options.openapi) imports.push(ApiDocsModule.forDocument(options.openapi));
  if (options.refdata)
    imports.push(
      RefDataModule.forRoot({
        dir: config.REFDATA_DIR,
        databaseUrl: config.REFDATA_DATABASE_URL,
        fallback: config.REFDATA_FALLBACK,
        reloadIntervalMs: config.REFDATA_RELOAD_MS,
      }),
    );
  return imports;
}
