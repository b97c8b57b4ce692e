import { z } from 'zod';
import { PROBLEM_MEDIA_TYPE, ProblemDetailsSchema } from '../http/errors.schema';
import { LivenessSchema, ReadinessSchema } from '../http/health.schema';

export type HttpMethod = 'get' | 'post' | 'delete';
type Json = Record<string, unknown>;

export interface ParameterSpec {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly description: string;
  readonly required?: boolean;
  readonly schema: z.ZodType;
}

/** A body: a zod schema (JSON Schema from it) or `text` for a plain string (X12, Prometheus, HTML). */
export type BodySpec = z.ZodType | 'text' | { readonly type: 'string'; readonly contentMediaType: string };

export interface ResponseSpec {
  readonly description: string;
  /** Media type -> body; omitted for an answer without one. */
  readonly content?: Readonly<Record<string, BodySpec>>;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteSpec {
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. /v1/claims/{id}. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** Requires `Authorization: Bearer <API key>`. */
  readonly bearer?: boolean;
  readonly parameters?: readonly ParameterSpec[];
  readonly requestBody?: { readonly required: boolean; readonly content: Readonly<Record<string, BodySpec>> };
  readonly responses: Readonly<Record<string, ResponseSpec>>;
}

export interface ApiSpec {
  readonly service: string;
  readonly title: string;
  readonly description: string;
  readonly routes: readonly RouteSpec[];
  /** Requests the service sends (OpenAPI 3.1 `webhooks`), by event name. */
  readonly webhooks?: readonly WebhookSpec[];
}

/** One event the service POSTs to subscribers: its body, and the headers every delivery carries. */
export interface WebhookSpec {
  readonly event: string;
  readonly summary: string;
  readonly headers: readonly ParameterSpec[];
  readonly body: z.ZodType;
  readonly responses: Readonly<Record<string, ResponseSpec>>;
}

export const OPENAPI_VERSION = '3.1.0';
export const API_VERSION = '1.0.0';

const json = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
};

const bodySchema = (body: BodySpec, io: 'input' | 'output'): Json =>
  body === 'text' ? { type: 'string' } : body instanceof z.ZodType ? json(body, io) : { ...body };

const content = (bodies: Readonly<Record<string, BodySpec>>, io: 'input' | 'output') =>
  Object.fromEntries(Object.entries(bodies).map(([media, body]) => [media, { schema: bodySchema(body, io) }]));

/** A 4xx/5xx: RFC 9457 application/problem+json (ProblemDetailsSchema, or one with the route's own members). */
export const errorAnswer = (description: string, schema: z.ZodType = ProblemDetailsSchema): ResponseSpec => ({
  description,
  content: { [PROBLEM_MEDIA_TYPE]: schema },
});

export const RETRY_AFTER = { 'Retry-After': 'Seconds to wait before retrying' } as const;

/** Too many requests from one key (or, on open routes, one address): RATE_LIMITED. */
export const RATE_LIMITED: ResponseSpec = {
  ...errorAnswer('Too many requests (RATE_LIMITED); retry after Retry-After'),
  headers: RETRY_AFTER,
};

/** What every route may answer at the edge, before any handler: a credential in the URL, or two Authorization headers. */
export const EDGE_REFUSAL = 'A key in the URL (API_KEY_IN_URL) or two Authorization headers (API_KEY_AMBIGUOUS)';

/** What every route taking an API key may answer before its own code runs (a route's own entries win). */
export const KEYED_ANSWERS: Readonly<Record<string, ResponseSpec>> = {
  '400': errorAnswer(EDGE_REFUSAL),
  '401': {
    ...errorAnswer('Missing, unknown or revoked API key (API_KEY_MISSING, API_KEY_INVALID); see WWW-Authenticate'),
    headers: { 'WWW-Authenticate': 'Bearer challenge naming the error' },
  },
  '403': errorAnswer('The API key lacks a scope the route needs (SCOPE_MISSING)'),
  '429': {
    ...errorAnswer('Too many requests, or too many failed authentications from this address (RATE_LIMITED); retry after Retry-After'),
    headers: RETRY_AFTER,
  },
  '503': {
    ...errorAnswer('API keys cannot be checked right now (DATABASE_UNAVAILABLE), or the service is at capacity (OVERLOADED)'),
    headers: RETRY_AFTER,
  },
};

/** Routes every service answers: liveness, readiness, metrics and this document. */
export function platformRoutes(): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/health',
      operationId: 'liveness',
      summary: 'Liveness: the process answers',
      tags: ['operations'],
      responses: { '200': { description: 'Alive', content: { 'application/json': LivenessSchema } } },
    },
    {
      method: 'get',
      path: '/health/ready',
      operationId: 'readiness',
      summary: 'Readiness: Kafka (and Postgres where used) reachable',
      tags: ['operations'],
      responses: {
        '200': { description: 'Ready', content: { 'application/json': ReadinessSchema } },
        '503': { description: 'A dependency is down', content: { 'application/json': ReadinessSchema } },
      },
    },
    {
      method: 'get',
      path: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics (claimflow_ prefix); with METRICS_TOKEN set, only for "Authorization: Bearer <token>"',
      tags: ['operations'],
      responses: {
        '200': { description: 'Prometheus text exposition format', content: { 'text/plain': 'text' } },
        '401': errorAnswer('METRICS_TOKEN is set and was not sent (METRICS_TOKEN_REQUIRED)'),
        '404': errorAnswer('Production without METRICS_TOKEN: metrics are not served (ROUTE_NOT_FOUND)'),
      },
    },
    {
      method: 'get',
      path: '/openapi.json',
      operationId: 'openapi',
      summary: 'This OpenAPI document',
      tags: ['operations'],
      responses: {
        '200': {
          description: 'OpenAPI 3.1 document',
          content: { 'application/json': z.object({ openapi: z.string() }).catchall(z.unknown()) },
        },
      },
    },
    {
      method: 'get',
      path: '/docs',
      operationId: 'docs',
      summary: 'This document rendered (Swagger UI, served locally)',
      tags: ['operations'],
      responses: { '200': { description: 'HTML page', content: { 'text/html': 'text' } } },
    },
    {
      method: 'get',
      path: '/docs/{file}',
      operationId: 'docsAsset',
      summary: 'Files of the rendered page (Swagger UI assets)',
      tags: ['operations'],
      parameters: [{ name: 'file', in: 'path', description: 'e.g. swagger-ui.css', schema: z.string() }],
      responses: {
        '200': {
          description: 'The file',
          content: { 'text/css': 'text', 'text/javascript': 'text', 'image/png': { type: 'string', contentMediaType: 'image/png' } },
        },
        '404': errorAnswer('No such file (NOT_FOUND)'),
      },
    },
  ];
}

/** A route's own 400 keeps its body, and says that the edge's refusals are 400s too. */
function withEdgeRefusal(answers: Readonly<Record<string, ResponseSpec>>): Record<string, ResponseSpec> {
  const own = answers['400'];
  return { ...answers, '400': own ? { ...own, description: `${own.description}; or ${EDGE_REFUSAL}` } : KEYED_ANSWERS['400'] };
}

function operation(route: RouteSpec): Json {
  const answers = route.bearer ? withEdgeRefusal({ ...KEYED_ANSWERS, ...route.responses }) : route.responses;
  const sorted = Object.entries(answers).sort(([a], [b]) => a.localeCompare(b));
  const responses = Object.fromEntries(
    sorted.map(([status, r]) => [
      status,
      {
        description: r.description,
        ...(r.headers
          ? { headers: Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) }
          : {}),
        ...(r.content ? { content: content(r.content, 'output') } : {}),
      },
    ]),
  );
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [...route.tags],
    ...(route.bearer ? { security: [{ bearerAuth: [] }] } : {}),
    ...(route.parameters?.length
      ? {
          parameters: route.parameters.map((p) => ({
            name: p.name,
            in: p.in,
            description: p.description,
            required: p.in === 'path' ? true : (p.required ?? false),
            schema: json(p.schema, 'input'),
          })),
        }
      : {}),
    ...(route.requestBody
      ? { requestBody: { required: route.requestBody.required, content: content(route.requestBody.content, 'input') } }
      : {}),
    responses,
  };
}

/** The `webhooks` section: each event as the POST a subscriber receives. */
function webhookOperations(webhooks: readonly WebhookSpec[]): Json {
  return Object.fromEntries(
    webhooks.map((w) => [
      w.event,
      {
        post: operation({
          method: 'post',
          path: w.event,
          operationId: `webhook_${w.event.replace(/\W/g, '_')}`,
          summary: w.summary,
          tags: ['webhooks'],
          parameters: w.headers,
          requestBody: { required: true, content: { 'application/json': w.body } },
          responses: w.responses,
        }),
      },
    ]),
  );
}

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
