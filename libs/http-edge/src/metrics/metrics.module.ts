import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { HttpMetrics, HttpMetricsMiddleware } from './http-metrics.middleware';
import { METRICS_ACCESS, MetricsHttpController, type MetricsAccess } from './metrics.http.controller';

/** Scrape access from the shared edge settings (METRICS_TOKEN, NODE_ENV). */
export const metricsAccessOf = (config: { METRICS_TOKEN?: string; NODE_ENV: string }): MetricsAccess => ({
  token: config.METRICS_TOKEN,
  production: config.NODE_ENV === 'production',
});

/**
 * GET /metrics (Prometheus; METRICS_TOKEN) serving the service's registry (@claimflow/runtime's ServiceMetricsModule,
 * which the service imports too), and the HTTP counts and latencies on it.
 */
@Module({})
export class HttpMetricsModule implements NestModule {
  static forAccess(access: MetricsAccess = {}): DynamicModule {
    return {
      module: HttpMetricsModule,
      controllers: [MetricsHttpController],
      providers: [{ provide: METRICS_ACCESS, useValue: access }, HttpMetrics, HttpMetricsMiddleware],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
