import { buildOpenApi, type ApiSpec } from './openapi-builder';
import { FEEDBACK_API } from './feedback.api';
import { INGEST_API } from './ingest.api';
import { PRICING_API } from './pricing.api';
import { VALIDATOR_API } from './validator.api';
import { WEB_API } from './web.api';

export * from './openapi-builder';
export { FEEDBACK_API, INGEST_API, PRICING_API, VALIDATOR_API, WEB_API };

/** Every HTTP service's API, by service name (docs/openapi/<service>.json). */
export const SERVICE_APIS: Readonly<Record<'ingest' | 'validator' | 'pricing' | 'feedback' | 'web', ApiSpec>> = {
  ingest: INGEST_API,
  validator: VALIDATOR_API,
  pricing: PRICING_API,
  feedback: FEEDBACK_API,
  web: WEB_API,
};

export const openApiDocument = (service: keyof typeof SERVICE_APIS) => buildOpenApi(SERVICE_APIS[service]);
