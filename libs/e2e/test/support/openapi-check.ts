import type { INestApplication } from '@nestjs/common';
import { z } from 'zod';
import { PROBLEM_MEDIA_TYPE, ProblemDetailsSchema } from '@claimflow/contracts';

type Json = Record<string, unknown>;
interface Operation {
  readonly responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}
export interface OpenApiDoc {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Operation>>;
}

export interface Exchange {
  readonly method: string;
  readonly template: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

/**
 * Calls a service and checks each answer against the OpenAPI document it serves: the status must
 * be documented for the route, and the body must validate against the schema of its media type
 * (converted back to a validator with zod's JSON Schema reader). Records which operations were called.
 */
export class OpenApiClient {
  readonly called = new Set<string>();
  readonly problems: string[] = [];

  constructor(
    readonly baseUrl: string,
    readonly doc: OpenApiDoc,
  ) {}

  static async load(baseUrl: string): Promise<OpenApiClient> {
    const res = await fetch(`${baseUrl}/openapi.json`);
    return new OpenApiClient(baseUrl, (await res.json()) as OpenApiDoc);
  }

  async call(
    method: 'GET' | 'POST' | 'DELETE',
    template: string,
    url: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ) {
    const res = await fetch(`${this.baseUrl}${url}`, { method, body: init.body, headers: init.headers });
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    const text = await res.text();
    const body = contentType.endsWith('json') ? (JSON.parse(text) as unknown) : text;
    this.check({ method, template, status: res.status, contentType, body });
    return { status: res.status, body, headers: res.headers };
  }

  check(exchange: Exchange): void {
    const { method, template, status, contentType } = exchange;
    const where = `${method} ${template} -> ${status} ${contentType}`;
    this.called.add(`${method.toLowerCase()} ${template}`);
    // Every 4xx/5xx of every service is RFC 9457 problem details, whatever the route documents beside.
    if (status >= 400) this.problems.push(...problemShapeProblems(where, contentType, exchange.body));
    const operation = this.doc.paths[template]?.[method.toLowerCase()];
    if (!operation) return void this.problems.push(`${where}: route not documented`);
    const response = operation.responses[String(status)];
    if (!response) return void this.problems.push(`${where}: status not documented`);
    // An answer documented without a body (204) must come without one.
    if (!response.content && exchange.body === '') return;
    const media = response.content?.[contentType];
    if (!media) return void this.problems.push(`${where}: media type not documented`);
    const parsed = z.fromJSONSchema(media.schema as never).safeParse(exchange.body);
    if (!parsed.success)
      this.problems.push(`${where}: body does not match: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }

  /** Documented operations not called yet. */
  uncalled(): string[] {
    return Object.entries(this.doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .filter((op) => !this.called.has(op));
  }
}

/** What is wrong with an error answer as RFC 9457 problem details (media type, members, status, errors[]). */
export function problemShapeProblems(where: string, contentType: string, body: unknown): string[] {
  if (contentType !== PROBLEM_MEDIA_TYPE) return [`${where}: an error answer must be ${PROBLEM_MEDIA_TYPE}`];
  const parsed = ProblemDetailsSchema.safeParse(body);
  if (!parsed.success) return [`${where}: not a problem: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`];
  return Number(where.split(' -> ')[1]?.split(' ')[0]) === parsed.data.status ? [] : [`${where}: status member differs`];
}

/** The routes a Nest app really serves (Express router), as "method /path/{param}". */
export function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`),
    );
}
