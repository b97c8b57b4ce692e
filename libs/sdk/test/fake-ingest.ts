import { createIngestClient, type IngestClient } from '../src/clients';

export interface Sent {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: string;
}

/** An ingest client whose fetch answers from `answer` (one Response per request) and records what was sent. */
export function clientAnswering(answer: (sent: Sent) => Response): { client: IngestClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const one = { method: request.method, url: new URL(request.url), headers: request.headers, body: await request.text() };
    sent.push(one);
    return answer(one);
  };
  const client = createIngestClient({ baseUrl: 'http://ingest.test/', apiKey: 'cf_test_key', fetch: fetch as typeof globalThis.fetch });
  return { client, sent };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const problem = (status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  new Response(
    JSON.stringify({
      type: `https://claimflow.dev/problems/${code.toLowerCase()}`,
      title: 'x',
      status,
      code,
      detail: 'd',
      message: 'd',
      errors: [],
      ...extra,
    }),
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );

export const x12 = (text: string) => new Response(text, { status: 200, headers: { 'content-type': 'application/edi-x12' } });
