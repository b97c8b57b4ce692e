import createClient, { type Client } from 'openapi-fetch';
import type { paths as FeedbackPaths, components as FeedbackComponents } from './generated/feedback';
import type { paths as IngestPaths, components as IngestComponents, webhooks as IngestWebhooks } from './generated/ingest';

export type { FeedbackPaths, IngestPaths, FeedbackComponents, IngestComponents, IngestWebhooks };
export type IngestClient = Client<IngestPaths>;
export type FeedbackClient = Client<FeedbackPaths>;

export interface ClientSettings {
  /** e.g. https://claimflow.example.org or http://127.0.0.1:3001 */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` where the service asks for one. */
  readonly apiKey?: string;
  /** Extra headers on every call (X-Submitter-Id, traceparent...). */
  readonly headers?: Record<string, string>;
  readonly fetch?: typeof globalThis.fetch;
}

const options = (settings: ClientSettings) => ({
  baseUrl: settings.baseUrl.replace(/\/$/, ''),
  headers: { ...settings.headers, ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}) },
  ...(settings.fetch ? { fetch: settings.fetch } : {}),
});

/**
 * Typed client of the ingest service: paths, parameters, bodies and every answer (4xx included)
 * are typed from docs/openapi/ingest.json. `const { data, error, response } = await ingest.POST('/v1/claims', {...})`.
 * The calls of claims.ts and submissions.ts wrap it: they answer the data or throw a `ClaimFlowProblem`.
 */
export function createIngestClient(settings: ClientSettings): IngestClient {
  return createClient<IngestPaths>(options(settings));
}

/** Typed client of the feedback service (denial reports and patterns), from docs/openapi/feedback.json. */
export function createFeedbackClient(settings: ClientSettings): FeedbackClient {
  return createClient<FeedbackPaths>(options(settings));
}
