import type { SubmissionView } from '@claimflow/contracts';
import { LedgerDb } from '@claimflow/db-ledger';
import { fixture, startIngest, submissionHeaders, type RunningIngest } from './support/ingest-app';

type Answer = { submissionId: string; claims?: { claimId: string; status: string }[]; rejected?: { claimId: string }[] };

/**
 * A submission whose claims all go to the ledger in one write, none refused, is recorded in the same statement as its
 * claims (SubmissionDraft); any other after them, in a statement of its own, as before. Either way it reads back the
 * same: its claims in the order they were answered, its 999. Ingest in-process, real Postgres and broker.
 */
describe('a submission recorded with its claims (real Postgres and broker)', () => {
  let ingest: RunningIngest;
  let statements: string[];

  beforeAll(async () => {
    ingest = await startIngest('submission-drafts');
    const pool = ingest.app.get(LedgerDb).pool;
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    // Each statement ingest sends through the ledger's pool, by its prepared name (or its first words).
    jest.spyOn(pool, 'query').mockImplementation(((...args: unknown[]) => {
      const statement = args[0] as string | { name?: string; text?: string };
      statements.push(typeof statement === 'string' ? statement.slice(0, 30) : (statement.name ?? statement.text?.slice(0, 30) ?? ''));
      return query(...args);
    }) as never);
  });

  afterAll(async () => ingest?.close());

  const post = async (body: string, contentType: string): Promise<{ status: number; answer: Answer; sent: string[] }> => {
    statements = [];
    const res = await fetch(`${ingest.url}/v1/claims`, { method: 'POST', headers: submissionHeaders(ingest, contentType), body });
    return { status: res.status, answer: (await res.json()) as Answer, sent: statements };
  };
  const view = async (id: string) =>
    (await (await fetch(`${ingest.url}/v1/submissions/${id}`, { headers: ingest.key.headers })).json()) as SubmissionView;

  it('records an 837P of valid claims with them, 999 control number included, and again so when all are duplicates', async () => {
    const first = await post(fixture('x12/many-claims.x12'), 'application/edi-x12');
    expect(first.status).toBe(202);
    expect(first.answer.rejected).toEqual([]);
    expect(first.sent).toContain('ledger_insert_claims_and_outbox');
    expect(first.sent).not.toContain('ledger_insert_submissions');
    const ids = first.answer.claims!.map((c) => c.claimId);
    expect((await view(first.answer.submissionId)).claims.map((c) => c.claimId)).toEqual(ids);
    const ack = await fetch(`${ingest.url}/v1/submissions/${first.answer.submissionId}/999`, { headers: ingest.key.headers });
    expect(ack.status).toBe(200);
    // Every transaction set accepted, under a control number from the ledger's sequence (ISA13).
    expect(await ack.text()).toMatch(/^ISA(\*[^*]*){12}\*\d{9}\*[\s\S]*AK9\*A\*(\d+)\*\2\*\2~/);

    // The same file again: every claim a duplicate of the first's, the new submission written with the earlier ids.
    const again = await post(fixture('x12/many-claims.x12'), 'application/edi-x12');
    expect(again.answer.claims!.map((c) => [c.claimId, c.status])).toEqual(ids.map((id) => [id, 'duplicate']));
    expect(again.sent).not.toContain('ledger_insert_submissions');
    expect((await view(again.answer.submissionId)).claims.map((c) => c.claimId)).toEqual(ids);
  });

  it('records one with a claim refused at decoding, or a void of nothing, after its claims, as before', async () => {
    const mixed = await post(fixture('x12/mixed-claims.x12'), 'application/edi-x12');
    expect(mixed.answer.rejected).toHaveLength(1);
    expect(mixed.sent).toContain('ledger_insert_submissions');
    const answered = [...mixed.answer.claims!, ...mixed.answer.rejected!].map((c) => c.claimId);
    expect((await view(mixed.answer.submissionId)).claims.map((c) => c.claimId).sort()).toEqual(answered.sort());

    const claim = JSON.parse(fixture('json/lesi-pos22.claim.json')) as Record<string, unknown>;
    const voidOfNothing = await post(JSON.stringify({ ...claim, submitterClaimId: 'NEVER-SENT', frequencyCode: '8' }), 'application/json');
    expect(voidOfNothing.status).toBe(422);
    expect(voidOfNothing.sent).toContain('ledger_insert_submissions');
    const refused = voidOfNothing.answer.rejected!.map((c) => c.claimId);
    expect((await view(voidOfNothing.answer.submissionId)).claims.map((c) => c.claimId)).toEqual(refused);
  });
});
