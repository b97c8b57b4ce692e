import { clientAnswering, json, problem, x12 } from '../test/fake-ingest';
import { ClaimFlowProblem } from './problem';
import { getSubmission, getSubmission999, listAllSubmissions, listSubmissions } from './submissions';

const listed = (submissionId: string) => ({ submissionId, format: 'x12', claimCount: 1, counts: {}, links: { self: '' } });

describe('SDK submissions calls', () => {
  it('reads one submission by id', async () => {
    const body = { submissionId: 's-1', claims: [{ claimId: 'c-1', links: { ack277ca: '/v1/claims/c-1/277ca' } }] };
    const { client, sent } = clientAnswering(() => json(200, body));
    expect((await getSubmission(client, 's-1')).claims[0].links.ack277ca).toBe('/v1/claims/c-1/277ca');
    expect(sent[0].url.pathname).toBe('/v1/submissions/s-1');
  });

  it('lists a page with since and limit, and walks every page by cursor', async () => {
    const pages = [
      { submissions: [listed('s-2')], cursor: 'k', links: { next: '…' } },
      { submissions: [listed('s-1')], links: {} },
    ];
    const { client, sent } = clientAnswering(() => json(200, pages[(sent.length - 1) % 2]));
    expect((await listSubmissions(client, { since: '2026-12-01', limit: 1 })).cursor).toBe('k');
    expect(sent[0].url.search).toBe('?since=2026-12-01&limit=1');
    sent.length = 0;
    const ids: string[] = [];
    for await (const s of listAllSubmissions(client, { limit: 1 })) ids.push(s.submissionId);
    expect(ids).toEqual(['s-2', 's-1']);
    expect(sent[1].url.search).toBe('?limit=1&cursor=k');
  });

  it('reads the 999 as X12 text; a JSON submission has none (404 NOT_X12)', async () => {
    const { client, sent } = clientAnswering(() => (sent.length === 1 ? x12('ISA*999~') : problem(404, 'NOT_X12')));
    expect(await getSubmission999(client, 's-1')).toBe('ISA*999~');
    expect(sent[0].url.pathname).toBe('/v1/submissions/s-1/999');
    await expect(getSubmission999(client, 's-1')).rejects.toMatchObject({ status: 404, code: 'NOT_X12' });
  });

  it('keeps Retry-After of a 503, and names an answer that is not a problem', async () => {
    const answers = [problem(503, 'DATABASE_UNAVAILABLE', {}, { 'retry-after': '2' }), new Response('<html>bad gateway', { status: 502 })];
    const { client, sent } = clientAnswering(() => answers[sent.length - 1]);
    await expect(getSubmission(client, 's-1')).rejects.toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: 2 });
    const notProblem = (await getSubmission(client, 's-1').catch((e: unknown) => e)) as ClaimFlowProblem;
    expect(notProblem).toMatchObject({ status: 502, code: 'NOT_A_PROBLEM', problem: undefined });
  });
});
