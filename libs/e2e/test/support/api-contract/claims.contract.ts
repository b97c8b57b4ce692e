import { randomUUID } from 'node:crypto';
import { CLAIM_LIFECYCLE_STATUSES, IMPLEMENTATION_277CA, IMPLEMENTATION_999 } from '@claimflow/domain';
import { elementsOf, readBack } from '@claimflow/domain/testing';
import { waitFor } from '@claimflow/testing';
import { fixture, scenario } from '../fixtures';
import { json, x12, type ContractContext } from './context';

/** Ingest's claims and submissions: submitted, read, listed, acknowledged (999, 277CA), superseded, refused. */
export function claimsContract(ctx: ContractContext): void {
  it('ingest: submissions, claim reads and their refusals', async () => {
    const c = ctx.clients.ingest;
    const keyed = { ...json, ...ctx.submitter.headers };
    const waited = await c.call('POST', '/v1/claims', '/v1/claims?wait=30s', {
      body: scenario('lesi-62323-77003-pos11'),
      headers: { ...keyed, 'x-submitter-id': ctx.submitter.owner },
    });
    expect(waited.status).toBe(200);
    const claimId = (waited.body as { claims: { claimId: string }[] }).claims[0].claimId;
    expect((await c.call('POST', '/v1/claims', '/v1/claims', { body: scenario('picc-36569-77001'), headers: keyed })).status).toBe(202);
    const refused = await c.call('POST', '/v1/claims', '/v1/claims', { body: '{"lines": []}', headers: keyed });
    expect(refused.status).toBe(422);
    const rejectedId = (refused.body as { rejected: { claimId: string }[] }).rejected[0].claimId;
    expect((await c.call('POST', '/v1/claims', '/v1/claims?wait=soon', { body: '{}', headers: keyed })).status).toBe(400);
    expect((await c.call('POST', '/v1/claims', '/v1/claims', { body: '{"lines": [', headers: keyed })).status).toBe(400);
    const someoneElse = { ...keyed, 'x-submitter-id': 'someone-else' };
    expect(await c.call('POST', '/v1/claims', '/v1/claims', { body: scenario('picc-36569-77001'), headers: someoneElse })).toMatchObject({
      status: 400,
      body: { code: 'SUBMITTER_MISMATCH' },
    });
    const xml = { ...ctx.submitter.headers, 'content-type': 'application/xml' };
    expect((await c.call('POST', '/v1/claims', '/v1/claims', { body: '<claim/>', headers: xml })).status).toBe(415);
    expect(await c.call('POST', '/v1/claims', '/v1/claims', { body: '{}', headers: json })).toMatchObject({
      status: 401,
      body: { code: 'API_KEY_MISSING' },
    });
    expect(await c.call('POST', '/v1/claims', '/v1/claims', { body: '{}', headers: { ...json, ...ctx.reporter.headers } })).toMatchObject({
      status: 403,
      body: { code: 'SCOPE_MISSING' },
    });

    const read = (id: string, headers: Record<string, string> = {}) =>
      c.call('GET', '/v1/claims/{id}', `/v1/claims/${id}`, { headers: { ...ctx.submitter.headers, ...headers } });
    expect((await read(claimId)).status).toBe(200);
    expect(await read(claimId, { accept: 'application/fhir+json' })).toMatchObject({
      status: 200,
      body: { resourceType: 'ClaimResponse' },
    });
    expect((await read(rejectedId, { accept: 'application/fhir+json' })).status).toBe(406);
    expect((await read('not-a-uuid')).status).toBe(400);
    expect((await read(`${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)).status).toBe(404);
    expect((await c.call('GET', '/v1/claims/{id}', `/v1/claims/${claimId}`)).status).toBe(401);

    const list = (query: string, headers: Record<string, string> = ctx.submitter.headers) =>
      c.call('GET', '/v1/claims', `/v1/claims${query}`, { headers });
    const page = await list('?status=priced&limit=1');
    expect(page).toMatchObject({ status: 200, body: { claims: [{ status: 'priced' }], links: {} } });
    const all = await list('?limit=500');
    expect((all.body as { claims: { claimId: string }[] }).claims.map((x) => x.claimId)).toEqual(
      expect.arrayContaining([claimId, rejectedId]),
    );
    expect(await list('?limit=0&status=paid')).toMatchObject({
      status: 400,
      body: { code: 'PARAM_INVALID', errors: [{ path: 'status' }, { path: 'limit' }] },
    });
    expect((await list('', {})).status).toBe(401);
  });

  it('ingest: a submission, its claims and 999, and a priced claim’s 277CA (A2:20), each as documented', async () => {
    const c = ctx.clients.ingest;
    const sent = await c.call('POST', '/v1/claims', '/v1/claims?wait=30s', {
      body: fixture('x12/mixed-claims.x12'),
      headers: { ...x12, ...ctx.submitter.headers },
    });
    expect(sent.status).toBe(200);
    const id = (sent.body as { submissionId: string }).submissionId;
    expect(sent.headers.get('location')).toBe(`/v1/submissions/${id}`);
    const view = await c.call('GET', '/v1/submissions/{id}', `/v1/submissions/${id}`, { headers: ctx.submitter.headers });
    const claims = (view.body as { claims: { claimId: string; status: string }[] }).claims;
    expect(claims.map((x) => x.status)).toEqual(['priced', 'priced', 'rejected']);
    const list = await c.call('GET', '/v1/submissions', '/v1/submissions?limit=1', { headers: ctx.submitter.headers });
    expect(list.body).toMatchObject({ submissions: [{ submissionId: id }] });
    expect((await c.call('GET', '/v1/submissions', '/v1/submissions?limit=x', { headers: ctx.submitter.headers })).status).toBe(400);
    const ack999 = await c.call('GET', '/v1/submissions/{id}/999', `/v1/submissions/${id}/999`, { headers: ctx.submitter.headers });
    expect(readBack(ack999.body as string, { transactionSet: '999', implementation: IMPLEMENTATION_999 }).problems).toEqual([]);
    const ack277 = await c.call('GET', '/v1/claims/{id}/277ca', `/v1/claims/${claims[0].claimId}/277ca`, {
      headers: ctx.submitter.headers,
    });
    const read277 = readBack(ack277.body as string, { transactionSet: '277', implementation: IMPLEMENTATION_277CA });
    expect(read277.problems).toEqual([]);
    expect(elementsOf(read277.segments, 'STC').map((e) => [e[0], e[2]])).toEqual([
      ['A1:19:AY', 'WQ'],
      ['A2:20', 'WQ'],
    ]);
    const stranger = await ctx.h.keyOf('contract-stranger');
    expect((await c.call('GET', '/v1/submissions/{id}', `/v1/submissions/${id}`, { headers: stranger.headers })).status).toBe(404);
    expect((await c.call('GET', '/v1/submissions/{id}/999', `/v1/submissions/${id}/999`, { headers: stranger.headers })).status).toBe(404);
    const claim277 = `/v1/claims/${claims[0].claimId}/277ca`;
    expect((await c.call('GET', '/v1/claims/{id}/277ca', claim277, { headers: stranger.headers })).status).toBe(404);
    expect((await c.call('GET', '/v1/claims/{id}/277ca', '/v1/claims/x/277ca', { headers: ctx.submitter.headers })).status).toBe(400);
    expect((await c.call('GET', '/v1/submissions/{id}', '/v1/submissions/x', { headers: ctx.submitter.headers })).status).toBe(400);
  });

  it("ingest: a replaced and a voided claim are read with the statuses the document lists (the lifecycle's)", async () => {
    const c = ctx.clients.ingest;
    const owner = await ctx.h.keyOf('contract-supersede');
    const original = JSON.parse(scenario('picc-36569-77001')) as { lines: { charge?: number }[] };
    const send = async (claim: object) => {
      const sent = await c.call('POST', '/v1/claims', '/v1/claims', {
        body: JSON.stringify(claim),
        headers: { ...json, ...owner.headers },
      });
      expect(sent.status).toBe(202);
      return (sent.body as { claims: { claimId: string }[] }).claims[0].claimId;
    };
    const read = (id: string) => c.call('GET', '/v1/claims/{id}', `/v1/claims/${id}`, { headers: owner.headers });
    /**
     * Only a claim still in flight becomes replaced or voided (a final one keeps its result and gains replacedBy), so
     * the later claim is sent as soon as the first is acknowledged; should the pipeline have priced the first already,
     * the round is tried again with a new claim number, within a deadline.
     */
    const supersededStatus = async (frequencyCode: '7' | '8') =>
      waitFor(
        async () => {
          const claim = { ...original, submitterClaimId: `SUPERSEDE-${frequencyCode}-${randomUUID().slice(0, 8)}` };
          const first = await send(claim);
          const later = await send({
            ...claim,
            frequencyCode,
            lines: original.lines.map((l) => ({ ...l, charge: (l.charge ?? 100) + 1 })),
          });
          // Each answer is checked against the served document (ClaimViewSchema, status from libs/domain's lifecycle).
          const answer = await read(first);
          expect(answer).toMatchObject({ status: 200, body: { replacedBy: later } });
          const status = (answer.body as { status: string }).status;
          // Priced before the later claim came: false, so waitFor tries a new round (undefined would end the wait).
          return status === 'replaced' || status === 'voided' ? status : false;
        },
        { description: `a claim superseded in flight (frequency ${frequencyCode})`, timeoutMs: 60_000 },
      );
    expect(await supersededStatus('7')).toBe('replaced');
    expect(await supersededStatus('8')).toBe('voided');
    const served = (ctx.clients.ingest.doc.paths['/v1/claims/{id}'].get.responses['200'].content?.['application/json'].schema ?? {}) as {
      properties?: { status?: { enum?: string[] } };
    };
    expect(served.properties?.status?.enum).toEqual([...CLAIM_LIFECYCLE_STATUSES]);
  });
}
