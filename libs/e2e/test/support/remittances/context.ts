import type { PipelineHarness } from '../pipeline-harness';
import type { TopicRecorder } from '@claimflow/testing';

export interface RemitAnswer {
  claims: { patientControlNumber: string; claimId?: string; unmatched?: string; lines: { lineNumber?: number; outcome?: string }[] }[];
  problems: { errors: { code: string; path: string }[] }[];
  contributed: number;
  notContributed: unknown[];
  summary: { claims: number; unmatched: number; problems: number };
}

/**
 * What the remittances spec's one pipeline (and its feedback service) shares with its modules of tests: filled in by
 * the spec's beforeAll, read when the tests run.
 */
export interface RemitContext {
  h: PipelineHarness;
  reports: TopicRecorder;
  // Each submitter organisation sends with an API key of its own (claims:submit and claims:read; reports:submit
  // for northside, which contributes denial reports).
  submitter: Record<string, string>;
  submitterKeyId: string;
  outsider: Record<string, string>;
  logs: string[];
}

/** Posts an 835 to the pipeline's ingest, with northside's key unless told otherwise. */
export function remitCalls(ctx: RemitContext) {
  const postRemit = async (
    body: string,
    query = '',
    headers: Record<string, string> | undefined = ctx.submitter,
    type = 'application/edi-x12',
  ) => {
    const res = await fetch(`${ctx.h.pipeline.ingestUrl}/v1/remittances${query}`, {
      method: 'POST',
      headers: { 'content-type': type, ...headers },
      body,
    });
    return { status: res.status, body: (await res.json()) as RemitAnswer & { code?: string } };
  };
  return { postRemit };
}
