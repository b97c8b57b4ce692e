import { mintTestKey } from '@claimflow/testing';
import { fixture } from '../fixtures';
import { json, x12, type ContractContext } from './context';

/** Ingest's remittances (matched, contributed, refused) and the edit accuracy they feed. */
export function remittancesContract(ctx: ContractContext): void {
  it('ingest: a remittance matched to its claim, the payer outcome on the claim, and edit accuracy', async () => {
    const c = ctx.clients.ingest;
    const checked = await c.call('POST', '/v1/claims', '/v1/claims?wait=30s', {
      body: fixture('x12/single-claim.x12'),
      headers: { ...x12, ...ctx.submitter.headers },
    });
    expect(checked.status).toBe(200);
    const claimId = (checked.body as { claims: { claimId: string }[] }).claims[0].claimId;
    // The same owner with reports:submit too: ?contribute=true sends denial reports.
    const contributor = await mintTestKey(ctx.h.db.url, { owner: 'contract', scopes: ['claims:submit', 'claims:read', 'reports:submit'] });
    const remit = (query: string, body: string, headers: Record<string, string> = x12) =>
      c.call('POST', '/v1/remittances', `/v1/remittances${query}`, { body, headers: { ...headers, ...contributor.headers } });
    const answered = await remit('?contribute=true', fixture('x835/paid-denied-adjusted.835'));
    expect(answered).toMatchObject({ status: 200, body: { contributed: 1 } });
    const refused = await c.call('POST', '/v1/remittances', '/v1/remittances?contribute=true', {
      body: fixture('x835/paid-denied-adjusted.835'),
      headers: { ...x12, ...ctx.submitter.headers },
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
    const view = await c.call('GET', '/v1/claims/{id}', `/v1/claims/${claimId}`, { headers: ctx.submitter.headers });
    expect(view).toMatchObject({ status: 200, body: { payerOutcome: { lines: [{ outcome: 'paid' }, { outcome: 'denied' }] } } });
    expect((await remit('', 'ISA*not an 835~')).status).toBe(422);
    expect((await remit('?contribute=maybe', fixture('x835/paid-denied-adjusted.835'))).status).toBe(400);
    expect((await remit('', '{}', json)).status).toBe(415);
    const noKey = await c.call('POST', '/v1/remittances', '/v1/remittances', { body: 'ISA~', headers: x12 });
    expect(noKey.status).toBe(401);

    const accuracy = (query: string, headers: Record<string, string> = ctx.submitter.headers) =>
      c.call('GET', '/v1/edit-accuracy', `/v1/edit-accuracy${query}`, { headers });
    expect(await accuracy('')).toMatchObject({ status: 200, body: { lines: 2, denied: 1 } });
    expect(await accuracy('?view=public')).toMatchObject({ status: 200, body: { minReporters: 5 } });
    expect((await accuracy('?view=everyone')).status).toBe(400);
    expect((await accuracy('', {})).status).toBe(401);
    expect((await accuracy('', ctx.reporter.headers)).status).toBe(403);
    const open = await c.call('GET', '/v1/edit-accuracy/public', '/v1/edit-accuracy/public');
    expect(open).toMatchObject({ status: 200, body: { lines: null, byEdit: [] } });
  });
}
