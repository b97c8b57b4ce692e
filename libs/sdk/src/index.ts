import createClient, { type Client } from 'openapi-fetch';
import type { paths as FeedbackPaths, components as FeedbackComponents } from './generated/feedback';
import type { paths as IngestPaths, components as IngestComponents } from './generated/ingest';

export type { FeedbackPaths, IngestPaths, FeedbackComponents, IngestComponents };
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
 */
export function createIngestClient(settings: ClientSettings): IngestClient {
  return createClient<IngestPaths>(options(settings));
}

/** Typed client of the feedback service (denial reports and patterns), from docs/openapi/feedback.json. */
export function createFeedbackClient(settings: ClientSettings): FeedbackClient {
  return createClient<FeedbackPaths>(options(settings));
}

/** The query of GET /v1/claims (filters, limit, cursor) and one claim of its answer. */
export type ClaimListQuery = NonNullable<IngestPaths['/v1/claims']['get']['parameters']['query']>;
export type ListedClaim = IngestPaths['/v1/claims']['get']['responses']['200']['content']['application/json']['claims'][number];

/**
 * Every claim of the key owner that matches `query`, newest first, page after page (following each answer's
 * cursor): `for await (const claim of listAllClaims(ingest, { status: 'rejected' })) ...`. A refused query throws
 * with the service's error code and the parameters it named.
 */
export async function* listAllClaims(client: IngestClient, query: Omit<ClaimListQuery, 'cursor'> = {}): AsyncGenerator<ListedClaim> {
  let cursor: string | undefined;
  do {
    const { data, error, response } = await client.GET('/v1/claims', { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } });
    if (!data) {
      const problem = error as { code?: string; errors?: { path: string }[] } | undefined;
      const named = problem?.errors?.map((e) => e.path).join(', ');
      throw new Error(`GET /v1/claims answered ${response.status} ${problem?.code ?? ''}${named ? ` (${named})` : ''}`.trim());
    }
    yield* data.claims;
    cursor = data.cursor;
  } while (cursor);
}
