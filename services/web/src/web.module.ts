import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { openApiDocument } from '@claimflow/contracts';
import { ApiDocsModule, EdgeModule, HttpMetricsModule, metricsAccessOf } from '@claimflow/http-edge';
import { HealthModule, ServiceMetricsModule, structuredLogging } from '@claimflow/runtime';
import { RefDataModule, refDataSettingsOf } from '@claimflow/refdata';
import { CodeLookupHttpController } from './code-lookup/code-lookup.http.controller';
import { WEB_CONFIG, type WebConfig } from './config/web.config';
import { RefDataStatusHttpController } from './refdata-status/refdata-status.http.controller';
import { ApiProxyMiddleware } from './proxy/api-proxy.middleware';
import { SpaMiddleware } from './spa/spa.middleware';

/** The browser's one origin: the built client, the services' APIs behind /api/{service}/, and the code look-up. */
@Module({})
export class WebModule implements NestModule {
  static forRoot(config: WebConfig): DynamicModule {
    return {
      module: WebModule,
      // No Kafka here: the web front end talks to the services over HTTP only.
      imports: [
        structuredLogging('web', config.LOG_LEVEL),
        EdgeModule.forRoot(config),
        HealthModule.forIndicators([]),
        ServiceMetricsModule.forService('web'),
        HttpMetricsModule.forAccess(metricsAccessOf(config)),
        ApiDocsModule.forDocument(openApiDocument('web')),
        // The same source and reload as the validator and pricing (REFDATA_DIR or REFDATA_DATABASE_URL, REFDATA_RELOAD_MS).
        RefDataModule.forRoot(refDataSettingsOf(config)),
      ],
      controllers: [CodeLookupHttpController, RefDataStatusHttpController],
      providers: [{ provide: WEB_CONFIG, useValue: config }, ApiProxyMiddleware, SpaMiddleware],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ApiProxyMiddleware, SpaMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
