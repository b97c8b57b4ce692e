import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { KAFKA_METRICS } from '@claimflow/kafka';
import { METRICS_SERVICE, ServiceMetrics } from './service-metrics';

/**
 * The service's metrics registry: the shared series (process, Kafka plumbing, reference data) and, given a subclass,
 * the service's own. Injectable as ServiceMetrics and as the subclass; served by the HTTP edge's GET /metrics.
 */
@Global()
@Module({})
export class ServiceMetricsModule {
  static forService(service: string, metrics: Type<ServiceMetrics> = ServiceMetrics): DynamicModule {
    const own = metrics === ServiceMetrics ? [] : [{ provide: metrics, useExisting: ServiceMetrics }];
    return {
      module: ServiceMetricsModule,
      providers: [
        { provide: METRICS_SERVICE, useValue: service },
        { provide: ServiceMetrics, useClass: metrics },
        ...own,
        { provide: KAFKA_METRICS, useExisting: ServiceMetrics },
      ],
      exports: [ServiceMetrics, ...own, KAFKA_METRICS],
    };
  }
}
