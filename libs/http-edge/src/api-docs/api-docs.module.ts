import { Module, type DynamicModule } from '@nestjs/common';
import { ApiDocsHttpController, OPENAPI_DOCUMENT } from './api-docs.http.controller';

/** GET /openapi.json (the service's OpenAPI 3.1 document) and GET /docs (rendered with Swagger UI). */
@Module({})
export class ApiDocsModule {
  static forDocument(document: object): DynamicModule {
    return { module: ApiDocsModule, controllers: [ApiDocsHttpController], providers: [{ provide: OPENAPI_DOCUMENT, useValue: document }] };
  }
}
