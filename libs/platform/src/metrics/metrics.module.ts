import { Global, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { KAFKA_METRICS } from '@claimflow/kafka';
import { ClaimflowMetrics, METRICS_SERVICE } from './claimflow-metrics';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsHttpController } from './metrics.http.controller';

/** GET /metrics (Prometheus), HTTP counts and latencies, and the Kafka plumbing's counters. */
@Global()
@Module({})
export class MetricsModule implements NestModule {
  static forService(service: string): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsHttpController],
      providers: [
        { provide: METRICS_SERVICE, useValue: service },
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
