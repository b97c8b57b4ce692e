import { Client } from 'pg';
import { smallestDisclosure, waitFor, type Observation, type Universe, type ViewSpec } from '@claimflow/testing';
import { fixture } from './support/fixtures';
import { getClaim, submit } from './support/http';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';

/**
 * Issue 25, item 1, run through the HTTP API as a new user would: read the keyless public edit
 * accuracy, let one owner (the victim) post an 835, read again. Every figure of each answer becomes
 * an equation (the solver of the denial-pattern attacks), over two groups of contributors mapped
 * onto the solver's payer-type axis: the owners who had posted before ("others") and the victim.
 * An answer covers the victim when it was computed after the victim's 835 (live answers always
 * are; published ones say when they were computed). Nothing about fewer than k owners may be pinned.
 */
const K = 5;
const OTHERS = ['north', 'south', 'east', 'west', 'central', 'valley'];
const VICTIM = 'victim-clinic';
const universe: Universe = { payerTypes: ['others', VICTIM], states: [], months: [] };

interface PublicAnswer {
  lines: number | null;
  denied: number | null;
  byEdit: { edit: string; flagged: number; denied: number }[];
  missed: { lines: number | null; byReason: { reason: string; lines: number }[] };
  rounding?: number;
  publishedAsOf?: string | null;
}

/** Every count an answer shows, as equations over the contributors it covers. */
function observationsOf(answer: PublicAnswer, view: ViewSpec): Observation[] {
  const rounding = answer.rounding ?? 1;
  const figures: [string, number | null][] = [
    ['lines', answer.lines],
    ['denied', answer.denied],
    ['missed', answer.missed.lines],
    ...answer.byEdit.flatMap((r): [string, number][] => [
      [`edit:${r.edit}:flagged`, r.flagged],
      [`edit:${r.edit}:denied`, r.denied],
    ]),
    ...answer.missed.byReason.map((r): [string, number] => [`reason:${r.reason}`, r.lines]),
  ];
  return figures.filter((f): f is [string, number] => f[1] !== null).map(([measure, value]) => ({ view, measure, value, rounding }));
}

describe('public edit accuracy against a differencing attacker (issue 25)', () => {
  let h: PipelineHarness;
  let sql: Client;

  beforeAll(async () => {
    h = await startPipelineHarness('accuracy-attacks', { extra: { EDIT_ACCURACY_PUBLISH_INTERVAL: '200ms' } });
    sql = new Client({ connectionString: h.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await h?.close();
  });

  const headersOf = async (owner: string) => ({ ...(await h.keyOf(owner)).headers });
  /** The answer, and when it was computed: as published, or (an answer without publishedAsOf) at the read. */
  const read = async () => {
    const readAt = new Date();
    const res = await fetch(`${h.pipeline.ingestUrl}/v1/edit-accuracy/public`);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as PublicAnswer;
    const computedAt = answer.publishedAsOf === undefined ? readAt : answer.publishedAsOf ? new Date(answer.publishedAsOf) : null;
    return { answer, computedAt };
  };
  /** One checked claim of the owner, then the payer's 835 for it (62323 paid, 77003 denied). */
  const claimOf = async (owner: string) => {
    const checked = await submit(
      h.pipeline.ingestUrl,
      fixture('x12/single-claim.x12'),
      'application/edi-x12',
      await headersOf(owner),
      '?wait=20s',
    );
    const claimId = checked.body.claims[0].claimId;
    expect((await getClaim(h.pipeline.ingestUrl, claimId, '20s', 'application/json', await headersOf(owner))).status).toBe('priced');
  };
  const remit = async (owner: string) => {
    const res = await fetch(`${h.pipeline.ingestUrl}/v1/remittances`, {
      method: 'POST',
      headers: { 'content-type': 'application/edi-x12', ...(await headersOf(owner)) },
      body: fixture('x835/paid-denied-adjusted.835'),
    });
    expect(res.status).toBe(200);
  };
  /** The publisher's last run (from its table) is after `since`; a service that computes on each read has none to wait for. */
  const publisherRanAfter = async (since: Date) => {
    const [{ table }] = (
      await sql.query<{ table: string | null }>(`SELECT to_regclass('ledger.edit_accuracy_publication')::text AS "table"`)
    ).rows;
    if (!table) return;
    await waitFor(
      async () => {
        const rows = (await sql.query<{ checked_at: Date }>('SELECT checked_at FROM ledger.edit_accuracy_publication')).rows;
        return rows.some((r) => r.checked_at > since);
      },
      { description: 'a publication run after the 835', timeoutMs: 15_000 },
    );
  };
  const viewOf = (computedAt: Date | null, victimPostedAt: Date): ViewSpec =>
    computedAt && computedAt >= victimPostedAt ? {} : { payerType: 'others' };

  it('one owner’s 835 between two reads narrows no figure below k', async () => {
    for (const owner of [...OTHERS, VICTIM]) await claimOf(owner);
    for (const owner of OTHERS) await remit(owner);
    await publisherRanAfter(new Date());
    const before = await read();
    // Not vacuous: the others' figures are shown.
    expect(before.answer.lines).toBeGreaterThan(0);
    expect(before.answer.byEdit.length).toBeGreaterThan(0);

    const postedAt = new Date();
    await remit(VICTIM);
    await publisherRanAfter(new Date());
    const after = await read();

    const observations = [before, after].flatMap((r) => observationsOf(r.answer, viewOf(r.computedAt, postedAt)));
    expect(smallestDisclosure(observations, [], universe, K)).toBeNull();
    expect(JSON.stringify(after.answer)).not.toMatch(/suppressed/);
  });
});
