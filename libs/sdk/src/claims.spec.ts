import { clientAnswering, json, problem, x12 } from '../test/fake-ingest';
import { findClaimsBySubmitterClaimId, getClaim277ca, listAllClaims, submitClaims } from './claims';
import { ClaimFlowProblem } from './problem';

const accepted = (id: string) => ({ submissionId: id, links: { submission: `/v1/submissions/${id}` }, format: 'x12', claims: [] });
const listed = (claimId: string) => ({ claimId, submitterClaimId: 'PM-1', links: { self: `/v1/claims/${claimId}` } });

describe('SDK claims calls', () => {
  it('posts an 837P as X12 text, unchanged, and answers the submission id and Location', async () => {
    const { client, sent } = clientAnswering(() => json(202, accepted('s-1'), { location: '/v1/submissions/s-1' }));
    const submitted = await submitClaims(client, 'ISA*00*~', { wait: '5s', correlationId: 'corr-1' });
    expect(submitted).toMatchObject({ status: 202, submissionId: 's-1', location: '/v1/submissions/s-1' });
    expect(sent[0]).toMatchObject({ method: 'POST', body: 'ISA*00*~' });
    expect(sent[0].url.pathname + sent[0].url.search).toBe('/v1/claims?wait=5s');
    expect(sent[0].headers.get('content-type')).toBe('application/edi-x12');
    expect(sent[0].headers.get('x-correlation-id')).toBe('corr-1');
    expect(sent[0].headers.get('authorization')).toBe('Bearer cf_test_key');
  });

  it('posts a claim object as JSON, or as the content type asked for', async () => {
    const { client, sent } = clientAnswering(() => json(202, accepted('s-2')));
    const submitted = await submitClaims(client, { resourceType: 'Bundle' }, { contentType: 'application/fhir+json' });
    expect(submitted.location).toBe('/v1/submissions/s-2'); // no header: the answer's link
    expect(sent[0].headers.get('content-type')).toBe('application/fhir+json');
    expect(JSON.parse(sent[0].body)).toEqual({ resourceType: 'Bundle' });
    await submitClaims(client, [] as never);
    expect(sent[1].headers.get('content-type')).toBe('application/json');
  });

  it('throws a refused submission as a typed problem, keeping the members that list what was refused', async () => {
    const rejected = [{ index: 0, errors: [{ path: 'lines[0].code', code: 'CODE_FORMAT', message: 'm' }] }];
    const { client } = clientAnswering(() => problem(422, 'SUBMISSION_REJECTED', { rejected, errors: rejected[0].errors }));
    const thrown = await submitClaims(client, 'ISA~').catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ClaimFlowProblem);
    expect(thrown).toMatchObject({ status: 422, code: 'SUBMISSION_REJECTED', call: 'POST /v1/claims' });
    expect((thrown as ClaimFlowProblem).problem?.['rejected']).toEqual(rejected);
    expect((thrown as Error).message).toBe('POST /v1/claims answered 422 SUBMISSION_REJECTED: d (lines[0].code)');
  });

  it('walks every page of GET /v1/claims, each query carrying the filters and the previous cursor', async () => {
    const pages = [
      { claims: [listed('a'), listed('b')], cursor: 'c1', links: { next: '/v1/claims?cursor=c1' } },
      { claims: [listed('c')], links: {} },
    ];
    const { client, sent } = clientAnswering(() => json(200, pages[sent.length - 1]));
    const ids: string[] = [];
    for await (const claim of listAllClaims(client, { status: ['priced', 'rejected'], limit: 2 })) ids.push(claim.claimId);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(sent.map((s) => s.url.search)).toEqual([
      '?status=priced&status=rejected&limit=2',
      '?status=priced&status=rejected&limit=2&cursor=c1',
    ]);
  });

  it('finds claims by the PM system’s own number through the submitterClaimId filter', async () => {
    const { client, sent } = clientAnswering(() => json(200, { claims: [listed('a')], links: {} }));
    expect((await findClaimsBySubmitterClaimId(client, 'PM 7/1')).map((c) => c.claimId)).toEqual(['a']);
    expect(sent[0].url.searchParams.get('submitterClaimId')).toBe('PM 7/1');
  });

  it('throws a refused list query with the parameters it named', async () => {
    const errors = [{ path: 'query.receivedSince', code: 'DATE_FORMAT', message: 'm' }];
    const { client } = clientAnswering(() => problem(400, 'PARAM_INVALID', { errors }));
    await expect(listAllClaims(client, { receivedSince: 'yesterday' }).next()).rejects.toThrow(
      'GET /v1/claims answered 400 PARAM_INVALID: d (query.receivedSince)',
    );
  });

  it('reads the 277CA as X12 text; a claim not yet final is a 409 CLAIM_NOT_FINAL problem', async () => {
    const { client, sent } = clientAnswering(() => (sent.length === 1 ? x12('ISA*277~') : problem(409, 'CLAIM_NOT_FINAL')));
    expect(await getClaim277ca(client, 'c-1')).toBe('ISA*277~');
    expect(sent[0].url.pathname).toBe('/v1/claims/c-1/277ca');
    await expect(getClaim277ca(client, 'c-1')).rejects.toMatchObject({ status: 409, code: 'CLAIM_NOT_FINAL' });
  });
});
