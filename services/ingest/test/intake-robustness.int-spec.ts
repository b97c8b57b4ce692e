import { Client } from 'pg';
import { fixture, startIngest, submissionHeaders, type RunningIngest } from './support/ingest-app';

interface FieldErrorBody {
  path: string;
  code: string;
  message: string;
  source?: string;
}
interface Answer {
  claims: { claimId: string; submitterClaimId: string }[];
  rejected: { index: number; claimId: string; submitterClaimId?: string; errors: FieldErrorBody[]; errorsOmitted?: number }[];
  errors: FieldErrorBody[];
  errorsOmitted?: number;
  code?: string;
}

// Regression tests for every cause in issue 12, against ingest on the real broker and database.
describe('ingest intake: no input breaks it', () => {
  let ingest: RunningIngest;
  let pg: Client;

  beforeAll(async () => {
    ingest = await startIngest('robust');
    pg = new Client({ connectionString: ingest.db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await ingest?.close();
  });

  const post = (body: string | Uint8Array, contentType: string, extra: Record<string, string> = {}) =>
    fetch(`${ingest.url}/v1/claims`, { method: 'POST', headers: submissionHeaders(ingest, contentType, extra), body });
  const answer = async (res: Response) => (await res.json()) as Answer;
  const claim = () => JSON.parse(fixture('json/lesi-pos22.claim.json'));
  const single = fixture('x12/single-claim.x12');
  const rows = async (submitterClaimId: string) =>
    (await pg.query('SELECT id, status, errors FROM claim_ledger WHERE submitter_claim_id = $1', [submitterClaimId])).rows;

  it('answers a rejected claim sent twice with the same 422, and records it once', async () => {
    const bad = JSON.stringify({ ...claim(), submitterClaimId: 'RETRY-1', placeOfService: '99x' });
    const first = await post(bad, 'application/json');
    const second = await post(bad, 'application/json');
    expect([first.status, second.status]).toEqual([422, 422]);
    // Each POST is a submission of its own (#29 item 2); the rest of the answer, claim id included, is the same.
    const { submissionId: a, links: _a, ...again } = (await answer(second)) as unknown as { submissionId: string; links: object };
    const { submissionId: b, links: _b, ...once } = (await answer(first)) as unknown as { submissionId: string; links: object };
    expect(again).toEqual(once);
    expect(a).not.toBe(b);
    expect(await rows('RETRY-1')).toHaveLength(1);
  });

  it('records the same bad claim twice in one file once, answering both with its id', async () => {
    const bad = { ...claim(), submitterClaimId: 'TWICE-1', placeOfService: '99x' };
    const res = await post(JSON.stringify([bad, bad]), 'application/json');
    expect(res.status).toBe(422);
    const body = await answer(res);
    expect(body.rejected.map((r) => r.index)).toEqual([0, 1]);
    expect(body.rejected[0].claimId).toBe(body.rejected[1].claimId);
    expect(await rows('TWICE-1')).toHaveLength(1);
  });

  it('records 2,000 invalid claims of one submission', async () => {
    const claims = Array.from({ length: 2000 }, (_, i) => ({ ...claim(), submitterClaimId: `BULK-${i}`, placeOfService: '99x' }));
    const res = await post(JSON.stringify({ claims }), 'application/json');
    expect(res.status).toBe(422);
    expect((await answer(res)).rejected).toHaveLength(2000);
    const { rows: count } = await pg.query(`SELECT count(*)::int AS n FROM claim_ledger WHERE submitter_claim_id LIKE 'BULK-%'`);
    expect(count[0].n).toBe(2000);
  });

  it('answers 400 naming the field that holds a NUL character, without echoing it', async () => {
    const res = await post(JSON.stringify({ ...claim(), lines: [{ ...claim().lines[0], code: '6232\u00003' }] }), 'application/json');
    expect(res.status).toBe(400);
    const body = await answer(res);
    expect(body.code).toBe('NUL_CHARACTER');
    expect(body.errors[0].path).toBe('lines[0].code');
  });

  it('answers 400 naming the segment of an 837 that holds a NUL character', async () => {
    const res = await post(single.replace('SV1*HC:62323', 'SV1*HC:623\u000023'), 'application/edi-x12');
    expect(res.status).toBe(400);
    expect((await answer(res)).errors[0]).toEqual(expect.objectContaining({ code: 'NUL_CHARACTER', source: 'segment 28' }));
  });

  it('answers 400 with the byte offset of invalid UTF-8, in JSON and in X12', async () => {
    const json = Buffer.from(JSON.stringify({ ...claim(), submitterClaimId: 'UTF-\u00e9' }), 'utf8');
    const at = json.indexOf(0xc3);
    json[at + 1] = 0x28;
    const jsonRes = await post(json, 'application/json');
    expect(jsonRes.status).toBe(400);
    expect((await answer(jsonRes)).errors).toEqual([expect.objectContaining({ code: 'ENCODING_INVALID', source: `byte ${at}` })]);
    const x12 = Buffer.from(single, 'utf8');
    x12[200] = 0xff;
    const x12Res = await post(x12, 'application/edi-x12');
    expect(x12Res.status).toBe(400);
    expect((await answer(x12Res)).errors).toEqual([expect.objectContaining({ code: 'ENCODING_INVALID', source: 'byte 200' })]);
  });

  it('answers 400 for malformed JSON and for an over-long X-Submitter-Id', async () => {
    expect((await post('{"lines": [', 'application/json')).status).toBe(400);
    const res = await post(JSON.stringify(claim()), 'application/json', { 'x-submitter-id': 'S'.repeat(5000) });
    expect(res.status).toBe(400);
    expect((await answer(res)).code).toBe('SUBMITTER_ID_INVALID');
  });

  it('bounds the answer for an 837 with 100,000 unknown segments, and stores the same bounded list', async () => {
    const noise = 'ZZZ*1~\n'.repeat(100_000);
    const res = await post(single.replace('NM1*41*', `${noise}NM1*41*`), 'application/edi-x12');
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text.length).toBeLessThan(300_000);
    const body = JSON.parse(text) as Answer;
    const listed = body.errors.length + body.rejected.reduce((n, r) => n + r.errors.length, 0);
    expect(listed).toBeLessThanOrEqual(1000);
    expect(body.errors).toContainEqual(expect.objectContaining({ code: 'TOO_MANY_ERRORS', message: expect.stringContaining('99500') }));
    expect(body.claims).toEqual([]);
    const [row] = await rows('LESI-2025-0001');
    expect(row.errors.length).toBeLessThanOrEqual(100);
  });

  it.each([
    ['no GE or IEA trailer', single.split('GE*')[0], 'X12_ENVELOPE_INCOMPLETE'],
    ['a wrong SE segment count', single.replace('SE*31*0001', 'SE*30*0001'), 'X12_SEGMENT_COUNT'],
    ['version 004010', single.replace(/005010X222A1/g, '004010X098A1'), 'X12_VERSION_UNSUPPORTED'],
  ])('refuses an 837 with %s as a whole', async (_name, text, code) => {
    const res = await post(text, 'application/edi-x12');
    expect(res.status).toBe(422);
    const body = await answer(res);
    expect(body.claims).toEqual([]);
    expect(body.errors.map((e) => e.code)).toContain(code);
  });

  it.each([
    [
      'a misspelt charge',
      (c: Record<string, unknown>) => ({ ...c, lines: [{ ...(c.lines as object[])[0], 'charg%': 950 }] }),
      'lines[0].charg%',
    ],
    ['a misspelt payer', (c: Record<string, unknown>) => ({ ...c, payr: { type: 'commercial' } }), 'payr'],
  ])('refuses a JSON claim with %s, naming the key', async (_name, change, path) => {
    const res = await post(JSON.stringify(change({ ...claim(), submitterClaimId: `KEY-${path}` })), 'application/json');
    expect(res.status).toBe(422);
    expect((await answer(res)).rejected[0].errors).toContainEqual(expect.objectContaining({ path, code: 'FIELD_UNKNOWN' }));
  });

  it('takes a JSON array of claims', async () => {
    const res = await post(JSON.stringify([1, 2].map((i) => ({ ...claim(), submitterClaimId: `ARRAY-${i}` }))), 'application/json');
    expect(res.status).toBe(202);
    expect((await answer(res)).claims.map((c) => c.submitterClaimId)).toEqual(['ARRAY-1', 'ARRAY-2']);
  });

  it('answers a 40,000-digit charge at once with a 422', async () => {
    const line = { ...claim().lines[0], charge: `${'1'.repeat(40_000)}a` };
    const started = Date.now();
    const res = await post(JSON.stringify({ ...claim(), submitterClaimId: 'DIGITS-1', lines: [line] }), 'application/json');
    expect(res.status).toBe(422);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
