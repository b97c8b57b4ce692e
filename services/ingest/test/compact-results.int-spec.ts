import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import {
  pricedResultOf,
  readStoredResult,
  storedPricing,
  storedResultFacets,
  storedValidation,
  validationOf,
  type CompactStoredResult,
  type StoredResultFacets,
} from '@claimflow/contracts';
import type { RefDataCatalog } from '@claimflow/domain';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { startIngest, type RunningIngest } from './support/ingest-app';
import { DEMO_SCENARIOS, earlierCompact, pipelineMessages, scenarioClaim, wire } from './support/scenario-results';

interface Stored {
  readonly id: string;
  readonly denied: boolean | null;
  readonly edit_codes: string[];
  readonly text: number;
}

/**
 * The ledger's list facets and GET /v1/claims/{id} from a compact result are what they are from the same result
 * stored whole (as before the compact form): every demo claim, validated and priced, in a real database. Compact
 * rows in both forms: every edit whole, written without their facets as an ingest from before migration
 * 20261206120000_ledger_facets wrote them (its trigger computes them with the SQL functions the generated columns
 * had); and the findings as the messages carry them, with the facets this build computes (ledger-facets.int-spec).
 */
describe('compact results in the ledger (real Postgres)', () => {
  let ingest: RunningIngest;
  let sql: Client;
  let catalog: RefDataCatalog;

  beforeAll(async () => {
    ingest = await startIngest('compact-results');
    sql = new Client({ connectionString: ingest.db.url });
    await sql.connect();
    catalog = await loadDefaultCatalog();
  });

  afterAll(async () => {
    await sql?.end();
    await ingest?.close();
  });

  /**
   * Rows of the test's owner as an earlier ingest wrote them (no facets: the trigger computes them), or, given their
   * facets, as this build writes them; their facets and sizes as Postgres has them.
   */
  async function store(
    rows: readonly { claim: unknown; result: unknown; status: string; facets?: StoredResultFacets }[],
  ): Promise<Stored[]> {
    const values = rows.map(({ facets, ...r }, i) => ({
      ...r,
      id: randomUUID(),
      submitter_claim_id: `PCN-${randomUUID()}`,
      content_hash: `h${i}`,
      edit_codes: facets?.editCodes ?? [],
      denied: facets?.denied ?? null,
    }));
    await sql.query(
      `INSERT INTO ledger.claim_ledger (id, submitter_id, submitter_claim_id, content_hash, format, status, correlation_id, priced_at,
         claim, result, edit_codes, denied)
       SELECT v.id, $2, v.submitter_claim_id, v.content_hash, 'json', v.status, 'compact',
         CASE WHEN v.status = 'priced' THEN timestamp '2026-12-01 00:00:00' END, v.claim, v.result, v.edit_codes, v.denied
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, submitter_claim_id text, content_hash text, status text, claim jsonb, result jsonb,
         edit_codes text[], denied boolean)`,
      [JSON.stringify(values), ingest.key.owner],
    );
    const read = await sql.query<Stored & { id: string }>(
      `SELECT id::text AS id, denied, edit_codes, length(result::text) AS text
       FROM ledger.claim_ledger WHERE id = ANY($1::uuid[])`,
      [values.map((v) => v.id)],
    );
    const byId = new Map(read.rows.map((r) => [r.id, r]));
    return values.map((v) => byId.get(v.id) as Stored);
  }

  /** The result GET /v1/claims/{id} answers, as JSON (objects unordered). */
  const answeredResult = async (id: string) => {
    const res = await fetch(`${ingest.url}/v1/claims/${id}`, { headers: ingest.key.headers });
    expect(res.status).toBe(200);
    return (JSON.parse(await res.text()) as { result: unknown }).result;
  };

  /** The claim's FHIR ClaimResponse as sent, its id (the claim's own) written ID. */
  const claimResponse = async (id: string) => {
    const res = await fetch(`${ingest.url}/v1/claims/${id}`, { headers: { ...ingest.key.headers, accept: 'application/fhir+json' } });
    expect(res.status).toBe(200);
    return JSON.parse((await res.text()).replaceAll(id, 'ID')) as unknown;
  };

  it.each(['latest', 'strict'] as const)('every demo claim, with %s reference data', async (mode) => {
    let denied = 0;
    for (const file of DEMO_SCENARIOS) {
      const claim = scenarioClaim(file);
      const { validated, priced } = pipelineMessages(claim, catalog, mode);
      const [onValidated, onPriced] = [storedValidation(validated), storedPricing(priced)] as CompactStoredResult[];
      const [wholeValidated, compactValidated, wholePriced, compactPriced, validatedNow, pricedNow] = await store([
        { claim, status: 'validated', result: { validation: validationOf(validated, claim) } },
        { claim, status: 'validated', result: earlierCompact(onValidated) },
        { claim, status: 'priced', result: pricedResultOf(priced, claim) },
        { claim, status: 'priced', result: earlierCompact(onPriced) },
        // As this build stores them: the findings as the messages carry them, with the facets it computes.
        { claim, status: 'validated', result: onValidated, facets: storedResultFacets(onValidated) },
        { claim, status: 'priced', result: onPriced, facets: storedResultFacets(onPriced) },
      ]);
      for (const [whole, compact] of [
        [wholeValidated, compactValidated],
        [wholePriced, compactPriced],
        [wholeValidated, validatedNow],
        [wholePriced, pricedNow],
      ]) {
        expect({ file, denied: compact.denied, codes: compact.edit_codes }).toEqual({
          file,
          denied: whole.denied,
          codes: whole.edit_codes,
        });
        // Smaller as a document (what Postgres parses, what GET and the relays read). On disk a compact row can take more
        // than a whole one, which lz4 compresses well: it stays uncompressed in its page (20261207120000_ledger_toast_target).
        expect(compact.text).toBeLessThan(whole.text);
        // The same JSON answered: every value, every array in its order (object keys in the order completing builds them).
        expect(await answeredResult(compact.id)).toEqual(await answeredResult(whole.id));
      }
      expect(pricedNow.text).toBeLessThan(compactPriced.text);
      expect(await claimResponse(compactPriced.id)).toEqual(await claimResponse(wholePriced.id));
      expect(await claimResponse(pricedNow.id)).toEqual(await claimResponse(wholePriced.id));
      if (compactPriced.denied) denied++;
    }
    // Both outcomes are covered by the demo claims.
    expect(denied).toBeGreaterThan(0);
    expect(denied).toBeLessThan(DEMO_SCENARIOS.length);
  });

  it('a deny edit denies a line only when the claim has a line of the number it names, as lineResults rules', async () => {
    const claim = scenarioClaim('lesi-62323-77003-pos11.json');
    const edit = { code: 'PTP_BUNDLED', severity: 'deny', message: 'bundled', source: { dataset: 'ncci-ptp' }, fix: { automatic: false } };
    const deny = (lines: number[]) => ({ form: 'compact', validation: { edits: [{ ...edit, lines }], notChecked: [], releases: [] } });
    const cases = [[1], [99], [], [99, 2]];
    const stored = await store(cases.map((lines) => ({ claim, status: 'validated', result: deny(lines) })));
    const expected = cases.map((lines) => readStoredResult(wire(deny(lines)), wire(claim))?.validation.lines.some((l) => l.denied));
    expect(stored.map((s) => s.denied)).toEqual(expected);
    expect(expected).toEqual([true, false, false, true]);
  });
});
