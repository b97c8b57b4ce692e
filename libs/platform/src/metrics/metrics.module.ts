import { Global, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { KAFKA_METRICS } from '@claimflow/kafka';
import { ClaimflowMetrics, METRICS_SERVICE } from './claimflow-metrics';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { METRICS_ACCESS, MetricsHttpController, type MetricsAccess } from './metrics.http.controller';

/** Scrape access from the shared edge settings (METRICS_TOKEN, NODE_ENV). */
export const metricsAccessOf = (config: { METRICS_TOKEN?: string; NODE_ENV: string }): MetricsAccess => ({
  token: config.METRICS_TOKEN,
  production: config.NODE_ENV === 'production',
});

/** GET /metrics (Prometheus; METRICS_TOKEN), HTTP counts and latencies, and the Kafka plumbing's counters. */
@Global()
@Module({})
export class MetricsModule implements NestModule {
  static forService(service: string, access: MetricsAccess = {}): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsHttpController],
      providers: [
        { provide: METRICS_SERVICE, useValue: service },
        { provide: METRICS_ACCESS, useValue: access },
        ClaimflowMetrics,
        { provide: KAFKA_METRICS, useExisting: ClaimflowMetrics },
        HttpMetricsMiddleware,
      ],
      exports: [ClaimflowMetrics, KAFKA_METRICS],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
