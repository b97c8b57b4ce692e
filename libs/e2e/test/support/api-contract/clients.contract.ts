import { aDenialReport } from '@claimflow/domain/testing';
import { createFeedbackClient, createIngestClient, listAllClaims } from '@claimflow/sdk';
import { scenario } from '../fixtures';
import type { ContractContext } from './context';

/** The client generated from the documents, driven against the served services. */
export function sdkContract(ctx: ContractContext): void {
  it('a client generated from the documents (@claimflow/sdk) submits a claim, reads it back and reports a denial', async () => {
    const ingest = createIngestClient({ baseUrl: ctx.clients.ingest.baseUrl, apiKey: ctx.submitter.key });
    const claim = JSON.parse(scenario('lesi-62323-77003-pos11'));
    const submitted = await ingest.POST('/v1/claims', { body: claim, params: { query: { wait: '30s' } } });
    expect(submitted.response.status).toBe(200);
    const claimId = submitted.data!.claims[0].claimId;
    const read = await ingest.GET('/v1/claims/{id}', { params: { path: { id: claimId } } });
    expect(read.data).toMatchObject({ claimId, status: 'priced', result: { pricing: { kind: 'priced' } } });
    const refused = await ingest.GET('/v1/claims/{id}', { params: { path: { id: 'not-a-uuid' } } });
    expect(refused.error).toMatchObject({ code: 'CLAIM_ID_INVALID' });
    const found = [];
    for await (const item of listAllClaims(ingest, { submitterClaimId: claim.submitterClaimId, limit: 1 })) found.push(item.claimId);
    expect(found).toContain(claimId);

    const feedbackClient = createFeedbackClient({ baseUrl: ctx.clients.feedback.baseUrl, apiKey: ctx.reporter.key });
    const stored = await feedbackClient.POST('/v1/denial-reports', { body: aDenialReport({ state: 'TX' }) });
    expect(stored.data).toMatchObject({ status: 'stored', replayed: false });
    const patterns = await feedbackClient.GET('/v1/codes/{code}/denial-patterns', { params: { path: { code: '77003' } } });
    expect(patterns.data?.status).toBe('insufficient');
  });
}
