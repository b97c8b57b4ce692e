import { Client } from 'pg';
import type { TestApiKey } from '@claimflow/testing';
import { scenario } from '../fixtures';
import type { PipelineHarness } from '../pipeline-harness';

export interface Answer {
  status: number;
  headers: Headers;
  body: {
    code?: string;
    field?: string;
    message?: string;
    claims?: { claimId: string; status: string }[];
    [k: string]: unknown;
  };
}

/** The test claim: its diagnosis codes and NPIs must never reach a log line. */
export const CLAIM = JSON.parse(scenario('lesi-62323-77003-pos11')) as {
  submitterClaimId: string;
  frequencyCode: string;
  diagnoses: string[];
  billingProvider: { npi: string };
  renderingProviderNpi: string;
  submitterId?: string;
};
export const SECRETS = [
  ...CLAIM.diagnoses,
  ...CLAIM.diagnoses.map((d) => d.replace('.', '')),
  CLAIM.billingProvider.npi,
  CLAIM.renderingProviderNpi,
];

/**
 * What the auth spec's one pipeline shares with its modules of tests: filled in by the spec's beforeAll, read when the
 * tests run. `claimOfA` is A's priced claim, set by the first key test and read by the rest.
 */
export interface AuthContext {
  h: PipelineHarness;
  a: TestApiKey;
  b: TestApiKey;
  logs: string[];
  claimOfA: string;
}

/** Calls on the pipeline's ingest, and a look at a claim's ledger row. */
export function authCalls(ctx: AuthContext) {
  const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> => {
    const res = await fetch(`${ctx.h.pipeline.ingestUrl}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
  };
  const post = (claim: object, headers: Record<string, string>, query = '') =>
    call('POST', `/v1/claims${query}`, { 'content-type': 'application/json', ...headers }, JSON.stringify(claim));
  const read = (id: string, headers: Record<string, string>, query = '', accept = 'application/json') =>
    call('GET', `/v1/claims/${id}${query}`, { accept, ...headers });
  const ledger = async (id: string) => {
    const client = new Client({ connectionString: ctx.h.db.url });
    await client.connect();
    try {
      return (await client.query('SELECT submitter_id, status, replaced_by_id FROM claim_ledger WHERE id = $1', [id])).rows[0];
    } finally {
      await client.end();
    }
  };
  return { call, post, read, ledger };
}
