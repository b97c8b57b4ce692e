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

/**
 * Encoded dots, slashes and backslashes (any case), and backslashes themselves: a URL parser downstream may
 * decode or fold them into separators and walk out of /v1/ after this check (issue 25: /v1/%2e%2e/metrics).
 */
const SEPARATOR_TRICK = /%(?:2e|2f|5c)|\\/i;

/** Only the services' public APIs go through; /health, /metrics, /docs and the rest stay inside. */
const PUBLIC_API = '/v1/';

export type UpstreamDecision =
  | { readonly kind: 'forward'; readonly route: ServiceRoute; readonly url: string }
  /** A path under a service's prefix that is not forwarded: 400 for separator tricks, 404 outside /v1/. */
  | { readonly kind: 'refuse'; readonly route: ServiceRoute; readonly status: 400 | 404; readonly code: string }
  | { readonly kind: 'none' };

/**
 * What the proxy does with a browser path: the path is resolved against the service's URL (`new URL`, so
 * dot segments are removed exactly as any server would) and forwarded only when the result has the service's
 * origin and a /v1/ path; the URL forwarded is that checked one, never the raw path.
 */
export function upstreamDecision(routes: readonly ServiceRoute[], originalUrl: string): UpstreamDecision {
  const route = routes.find((r) => originalUrl.startsWith(r.prefix));
  if (!route) return { kind: 'none' };
  const rest = originalUrl.slice(route.prefix.length - 1);
  const queryAt = rest.indexOf('?');
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
  if (SEPARATOR_TRICK.test(path)) return { kind: 'refuse', route, status: 400, code: 'PATH_NOT_ALLOWED' };
  let target: URL;
  let resolved: URL;
  try {
    target = new URL(route.target);
    resolved = new URL(rest, target);
  } catch {
    return { kind: 'refuse', route, status: 400, code: 'PATH_NOT_ALLOWED' };
  }
  if (resolved.origin !== target.origin || !resolved.pathname.startsWith(PUBLIC_API) || resolved.username || resolved.password)
    return { kind: 'refuse', route, status: 404, code: 'ROUTE_NOT_FOUND' };
  resolved.hash = '';
  return { kind: 'forward', route, url: resolved.href };
}

/** The upstream URL for a browser path, or null when it is not forwarded. */
export function upstreamUrl(routes: readonly ServiceRoute[], originalUrl: string): { route: ServiceRoute; url: string } | null {
  const decision = upstreamDecision(routes, originalUrl);
  return decision.kind === 'forward' ? { route: decision.route, url: decision.url } : null;
}
