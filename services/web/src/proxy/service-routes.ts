import type { WebConfig } from '../config/web.config';

export interface ServiceRoute {
  readonly prefix: string;
  readonly service: string;
  readonly target: string;
}

/** /api/{service}/rest -> {service URL}/rest: the browser sees one origin. */
export function serviceRoutes(config: WebConfig): ServiceRoute[] {
  const route = (service: string, target: string): ServiceRoute => ({ prefix: `/api/${service}/`, service, target });
  return [
    route('ingest', config.INGEST_URL),
    route('validator', config.VALIDATOR_URL),
    route('pricing', config.PRICING_URL),
    route('feedback', config.FEEDBACK_URL),
  ];
}

/** Only the services' public APIs go through; /health, /health/ready (what each depends on) and the rest stay inside. */
const PUBLIC_API = /^\/v1\//;

/** The upstream URL for a browser path, or null when no service owns it or it is not a public API path. */
export function upstreamUrl(routes: readonly ServiceRoute[], originalUrl: string): { route: ServiceRoute; url: string } | null {
  const route = routes.find((r) => originalUrl.startsWith(r.prefix));
  if (!route) return null;
  const path = originalUrl.slice(route.prefix.length - 1);
  return PUBLIC_API.test(path) && !path.includes('/../') ? { route, url: route.target + path } : null;
}
