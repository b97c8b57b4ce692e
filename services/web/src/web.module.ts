import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { openApiDocument } from '@claimflow/contracts';
import { ApiDocsModule, HealthModule, MetricsModule, RefDataModule, structuredLogging } from '@claimflow/platform';
import { CodeLookupHttpController } from './code-lookup/code-lookup.http.controller';
import { WEB_CONFIG, type WebConfig } from './config/web.config';
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
        HealthModule.forIndicators([]),
        MetricsModule.forService('web'),
        ApiDocsModule.forDocument(openApiDocument('web')),
        RefDataModule.forRoot({ dir: config.REFDATA_DIR, fallback: config.REFDATA_FALLBACK }),
      ],
      controllers: [CodeLookupHttpController],
      providers: [{ provide: WEB_CONFIG, useValue: config }, ApiProxyMiddleware, SpaMiddleware],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ApiProxyMiddleware, SpaMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
