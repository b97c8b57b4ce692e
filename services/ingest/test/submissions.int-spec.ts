import type { SubmissionListAnswer, SubmissionView } from '@claimflow/contracts';
import { IMPLEMENTATION_277CA, IMPLEMENTATION_999 } from '@claimflow/domain';
import { elementsOf, readBack } from '@claimflow/domain/testing';
import { mintTestKey, type TestApiKey } from '@claimflow/testing';
import { Client } from 'pg';
import { LIST_SUBMISSIONS } from '../src/submissions/submissions.sql';
import { fixture, startIngest, submissionHeaders, type RunningIngest } from './support/ingest-app';

const SPEC_999 = { transactionSet: '999', implementation: IMPLEMENTATION_999 };
const SPEC_277 = { transactionSet: '277', implementation: IMPLEMENTATION_277CA };

/** Submissions, their 999 and their claims' 277CA on ingest in-process: real HTTP, Postgres and broker, two owners. */
describe('submissions and acknowledgments (real Postgres and broker)', () => {
  let ingest: RunningIngest;
  let other: TestApiKey;
  let x12Id: string;
  let jsonId: string;
  let submitted: { claims: { claimId: string; submitterClaimId: string }[]; rejected: { claimId: string; submitterClaimId?: string }[] };

  beforeAll(async () => {
    ingest = await startIngest('submissions');
    other = await mintTestKey(ingest.db.url, { owner: 'clinic-b', scopes: ['claims:submit', 'claims:read'] });
  });

  afterAll(async () => {
    await ingest?.close();
  });

  const get = (path: string, key: TestApiKey = ingest.key) => fetch(ingest.url + path, { headers: key.headers });
  const json = async <T>(res: Response) => (await res.json()) as T & { code?: string };

  it('answers an 837P of three claims, one invalid, 202 with the submission at Location and in the body', async () => {
    const res = await fetch(`${ingest.url}/v1/claims`, {
      method: 'POST',
      headers: submissionHeaders(ingest, 'application/edi-x12'),
      body: fixture('x12/mixed-claims.x12'),
    });
    expect(res.status).toBe(202);
    const body = await json<typeof submitted & { submissionId: string; links: { submission: string } }>(res);
    x12Id = body.submissionId;
    expect(res.headers.get('location')).toBe(`/v1/submissions/${x12Id}`);
    expect(body.links.submission).toBe(`/v1/submissions/${x12Id}`);
    submitted = body;
    expect(body.claims.map((c) => c.submitterClaimId)).toEqual(['GOOD-001', 'GOOD-003']);
    expect(body.rejected.map((c) => c.submitterClaimId)).toEqual(['BAD-002']);
  });

  it('reads the submission back: counts by status and its claims', async () => {
    const view = await json<SubmissionView>(await get(`/v1/submissions/${x12Id}`));
    expect(view).toMatchObject({ submissionId: x12Id, format: 'x12', claimCount: 3, counts: { normalized: 2, rejected: 1 } });
    expect(view.links.ack999).toBe(`/v1/submissions/${x12Id}/999`);
    expect(view.claims.map((c) => [c.submitterClaimId, c.status])).toEqual([
      ['GOOD-001', 'normalized'],
      ['GOOD-003', 'normalized'],
      ['BAD-002', 'rejected'],
    ]);
  });

  it('serves the 999: accepted with errors, IK3/IK4 for the bad claim, read back with the project tokenizer', async () => {
    const res = await get(`/v1/submissions/${x12Id}/999`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/edi-x12/);
    const text = await res.text();
    if (process.env.SHOW_ACKS === '1') process.stdout.write(`${text}\n`);
    const { segments, problems } = readBack(text, SPEC_999);
    expect(problems).toEqual([]);
    // To the submitter as its ISA named it, from ClaimFlow as it addressed it; a test interchange answered as one.
    expect(segments[0].elements.slice(5, 9).map((e) => e.trim())).toEqual(['ZZ', 'CLAIMFLOW', 'ZZ', 'NORTHSIDEPAIN']);
    expect(segments[0].elements[15]).toBe('T');
    expect(elementsOf(segments, 'AK1')).toEqual([['HC', '103', '005010X222A1']]);
    expect(elementsOf(segments, 'AK2')).toEqual([['837', '0001', '005010X222A1']]);
    expect(elementsOf(segments, 'IK3').length).toBeGreaterThan(0);
    expect(elementsOf(segments, 'IK3').map((e) => e[0])).toEqual(expect.arrayContaining(['SV1', 'XYZ']));
    expect(elementsOf(segments, 'IK4').length).toBeGreaterThan(0);
    expect(elementsOf(segments, 'IK5')[0][0]).toBe('E');
    expect(elementsOf(segments, 'AK9')).toEqual([['E', '1', '1', '1']]);
    // The same 999 every time: its control number was taken when the submission was recorded.
    expect(await (await get(`/v1/submissions/${x12Id}/999`)).text()).toBe(text);
  });

  it('serves the 277CA of the rejected claim with its statuses, and none before a claim is final', async () => {
    const res = await get(`/v1/claims/${submitted.rejected[0].claimId}/277ca`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/edi-x12/);
    const text = await res.text();
    if (process.env.SHOW_ACKS === '1') process.stdout.write(`${text}\n`);
    const { segments, problems } = readBack(text, SPEC_277);
    expect(problems).toEqual([]);
    const stc = elementsOf(segments, 'STC').map((e) => [e[0], e[2]]);
    expect(stc[0]).toEqual(['A1:19:AY', 'WQ']);
    expect(stc.slice(1)).toEqual(
      expect.arrayContaining([
        ['A3:684', 'U'],
        ['A7:454', 'U'],
      ]),
    );
    // The batch is the submission the claim came in (TRN02 holds 30 characters of its id), the claim its CLM01.
    expect(elementsOf(segments, 'TRN').map((e) => e[1])).toEqual([x12Id.slice(0, 30), x12Id.slice(0, 30), 'BAD-002']);
    const pending = await get(`/v1/claims/${submitted.claims[0].claimId}/277ca`);
    expect(pending.status).toBe(409);
    expect(pending.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await json(pending)).code).toBe('CLAIM_NOT_FINAL');
  });

  it('answers a JSON submission with its own submission, whose 999 is NOT_X12', async () => {
    const res = await fetch(`${ingest.url}/v1/claims`, {
      method: 'POST',
      headers: submissionHeaders(ingest, 'application/json'),
      body: fixture('json/lesi-pos22.claim.json'),
    });
    expect(res.status).toBe(202);
    jsonId = (await json<{ submissionId: string }>(res)).submissionId;
    expect(res.headers.get('location')).toBe(`/v1/submissions/${jsonId}`);
    const ack = await get(`/v1/submissions/${jsonId}/999`);
    expect(ack.status).toBe(404);
    expect((await json(ack)).code).toBe('NOT_X12');
  });

  it("hides one owner's submission, 999 and 277CA from another: 404, as if unknown", async () => {
    for (const [path, code] of [
      [`/v1/submissions/${x12Id}`, 'SUBMISSION_NOT_FOUND'],
      [`/v1/submissions/${x12Id}/999`, 'SUBMISSION_NOT_FOUND'],
      [`/v1/claims/${submitted.rejected[0].claimId}/277ca`, 'CLAIM_NOT_FOUND'],
    ]) {
      const res = await get(path, other);
      expect([path, res.status, (await json(res)).code]).toEqual([path, 404, code]);
    }
    expect((await json<SubmissionListAnswer>(await get('/v1/submissions', other))).submissions).toEqual([]);
  });

  it('lists the owner’s submissions newest first, a page at a time with an opaque cursor', async () => {
    const first = await json<SubmissionListAnswer>(await get('/v1/submissions?limit=1'));
    expect(first.submissions.map((s) => [s.submissionId, s.claimCount])).toEqual([[jsonId, 1]]);
    expect(first.cursor).toBeDefined();
    const second = await json<SubmissionListAnswer>(await get(first.links.next!));
    expect(second.submissions.map((s) => [s.submissionId, s.counts])).toEqual([[x12Id, { normalized: 2, rejected: 1 }]]);
    expect(second.links.next).toBeUndefined();
    const later = new Date(Date.now() + 60_000).toISOString();
    expect((await json<SubmissionListAnswer>(await get(`/v1/submissions?since=${later}`))).submissions).toEqual([]);
    const bad = await get('/v1/submissions?cursor=nope&limit=0');
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ code: 'PARAM_INVALID' });
  });

  it('reads a page of submissions through the owner index, never a scan of every owner’s', async () => {
    const sql = new Client({ connectionString: ingest.db.url });
    await sql.connect();
    try {
      // 20,000 submissions of 100 other owners beside this owner's two.
      await sql.query(`INSERT INTO ledger.submission (id, submitter_id, format, received_at)
        SELECT gen_random_uuid(), 'owner-' || (i % 100), 'json', now() - make_interval(secs => i) FROM generate_series(1, 20000) AS i`);
      await sql.query('ANALYZE ledger.submission');
      const plan = await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${LIST_SUBMISSIONS}`, [ingest.key.owner, null, null, null, 21]);
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toContain('submission_owner_received_idx');
      expect(text).not.toMatch(/Seq Scan/);
    } finally {
      await sql.end();
    }
  });

  it('records submissions posted side by side (written together when they queue) each with its own claims and 999 control', async () => {
    const post = () =>
      fetch(`${ingest.url}/v1/claims`, {
        method: 'POST',
        headers: submissionHeaders(ingest, 'application/edi-x12'),
        body: fixture('x12/mixed-claims.x12'),
      });
    const answers = await Promise.all([post(), post(), post()]);
    const ids = await Promise.all(answers.map(async (res) => (await json<{ submissionId: string }>(res)).submissionId));
    expect(new Set(ids).size).toBe(3);
    const sql = new Client({ connectionString: ingest.db.url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ id: string; control: string; claims: number }>(
        `SELECT s.id::text AS id, s.x12 ->> 'control' AS control, (SELECT count(*)::int FROM ledger.submission_claim c WHERE c.submission_id = s.id) AS claims
         FROM ledger.submission s WHERE s.id = ANY($1::uuid[])`,
        [ids],
      );
      expect(rows.map((r) => r.claims)).toEqual([3, 3, 3]);
      expect(new Set(rows.map((r) => r.control)).size).toBe(3);
    } finally {
      await sql.end();
    }
  });
});
