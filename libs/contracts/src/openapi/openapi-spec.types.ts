import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'delete';

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
