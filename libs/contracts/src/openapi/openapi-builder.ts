import type { ApiSpec } from './openapi-spec.types';
import { operation, webhookOperations } from './openapi-operation';
import { platformRoutes } from './platform-routes';

export * from './openapi-spec.types';
export * from './problem-answers';
export { platformRoutes } from './platform-routes';

type Json = Record<string, unknown>;

export const OPENAPI_VERSION = '3.1.0';
export const API_VERSION = '1.0.0';

/** The OpenAPI 3.1 document of one service, generated from the contracts' zod schemas. */
export function buildOpenApi(api: ApiSpec): Json {
  const routes = [...api.routes, ...platformRoutes()];
  const paths: Record<string, Json> = {};
  for (const route of routes) paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  const secured = routes.some((r) => r.bearer);
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: api.title,
      version: API_VERSION,
      description: api.description,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    tags: [...new Set(routes.flatMap((r) => r.tags))].map((name) => ({ name })),
    paths,
    ...(api.webhooks?.length ? { webhooks: webhookOperations(api.webhooks) } : {}),
    ...(secured
      ? { components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'ClaimFlow API key' } } } }
      : {}),
  };
}
