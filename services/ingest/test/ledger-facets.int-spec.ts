import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { readStoredResult, storedPricing, storedValidation, type CompactStoredResult } from '@claimflow/contracts';
import type { ClaimCommand, RefDataCatalog } from '@claimflow/domain';
import { LedgerDb } from '@claimflow/db-ledger';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { createTestDatabase, startInfra, waitFor, type Infra, type TestDatabase } from '@claimflow/testing';
import { ClaimLedgerRepository } from '../src/ledger/claim-ledger.repository';
import { decideEach } from '../src/ledger/decide-all';
import { DEMO_SCENARIOS, earlierCompact, pipelineMessages, scenarioClaim } from './support/scenario-results';

/** Each row's facets as written, its claim and result, beside what the generated columns computed from its claim (the SQL functions). */
const FACETS_AND_FUNCTIONS = `
  SELECT submitter_claim_id AS file, service_from::text, service_to::text, edit_codes, denied, claim, result,
    ledger.claim_service_date(claim, false)::text AS fn_from, ledger.claim_service_date(claim, true)::text AS fn_to,
    ledger.claim_edit_codes(result) AS fn_codes, ledger.claim_denied(claim, result) AS fn_denied
  FROM ledger.claim_ledger WHERE submitter_id = $1 ORDER BY submitter_claim_id`;

/** What the generated columns computed from a claim and its result stored whole ($1: the result, $2: the claim). */
const FUNCTIONS_OF_WHOLE = 'SELECT ledger.claim_edit_codes($1::jsonb) AS codes, ledger.claim_denied($2::jsonb, $1::jsonb) AS denied';

/** How often the trigger that fills an earlier ingest's writes ran its function (track_functions is on for the test's database). */
const TRIGGER_CALLS = `SELECT COALESCE(sum(calls), 0)::int AS calls FROM pg_stat_user_functions WHERE funcname = 'claim_facets_of_earlier_writer'`;

/**
 * The list facets ingest writes (migration 20261206120000_ledger_facets): from the domain, with the claim and each
 * result, equal to what the generated columns computed; Postgres computes nothing for them; an earlier build's write,
 * which leaves them out, gets them from the trigger.
 */
describe('the ledger facets ingest writes (real Postgres)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let sql: Client;
  let catalog: RefDataCatalog;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    await sql.query(`ALTER DATABASE "${db.name}" SET track_functions = 'pl'`);
    catalog = await loadDefaultCatalog();
  });

  afterAll(async () => {
    await sql?.end();
    await db?.drop();
    await infra?.stop();
  });

  /** The trigger's calls once every other session has ended (a session's function counts reach the view when it ends). */
  const triggerCalls = async () => {
    const other = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`;
    await waitFor(async () => (await sql.query<{ n: number }>(other, [db.name])).rows[0]!.n === 0, {
      description: "the test database's other sessions ended",
    });
    await sql.query('SELECT pg_stat_clear_snapshot()');
    return (await sql.query<{ calls: number }>(TRIGGER_CALLS)).rows[0]!.calls;
  };

  it('every demo claim, received, validated and priced through the repository, as the generated columns had it', async () => {
    const owner = `facets-${randomUUID()}`;
    const prisma = new LedgerDb(db.urls.ingest);
    const ledger = new ClaimLedgerRepository(prisma);
    const ids = new Map<string, string>();
    for (const file of DEMO_SCENARIOS) {
      const id = randomUUID();
      ids.set(file, id);
      const claim = { ...scenarioClaim(file, id), submitterClaimId: file };
      const entry = {
        id,
        submitterId: owner,
        submitterClaimId: file,
        contentHash: 'h',
        format: 'json',
        frequencyCode: '1',
        correlationId: id,
      };
      await ledger.record([{ entry, claim, events: [{ type: 'ClaimReceived' }, { type: 'ClaimNormalized' }] }], [], []);
      const { validated, priced } = pipelineMessages(claim, catalog, 'latest');
      for (const command of [
        { type: 'RecordValidation', result: storedValidation(validated) },
        { type: 'RecordPricing', result: storedPricing(priced) },
      ] satisfies ClaimCommand[]) {
        const [decision] = decideEach([{ claimId: id, command, meta: undefined }], await ledger.states([id]));
        const { conflicts } = await ledger.applyBatch([{ ...decision!, messageIds: [randomUUID()] }], []);
        expect(conflicts.size).toBe(0);
      }
    }
    await prisma.onModuleDestroy();

    const { rows } = await sql.query(FACETS_AND_FUNCTIONS, [owner]);
    expect(rows).toHaveLength(DEMO_SCENARIOS.length);
    for (const r of rows) {
      // The result as stored (the findings as the message carried them) read whole: the generated columns read that.
      const whole = JSON.stringify(readStoredResult(r.result, r.claim));
      const fn = (await sql.query(FUNCTIONS_OF_WHOLE, [whole, JSON.stringify(r.claim)])).rows[0];
      expect({ file: r.file, from: r.service_from, to: r.service_to, codes: r.edit_codes, denied: r.denied }).toEqual({
        file: r.file,
        from: r.fn_from,
        to: r.fn_to,
        codes: fn.codes,
        denied: fn.denied,
      });
    }
    // Both predictions and some edits are covered by the demo claims.
    expect(new Set(rows.map((r) => r.denied))).toEqual(new Set([true, false]));
    expect(rows.some((r) => r.edit_codes.length > 1)).toBe(true);
    expect(await triggerCalls()).toBe(0);
  });

  it("fills an earlier ingest's writes, which leave the facets out, as the generated columns did", async () => {
    const owner = `earlier-${randomUUID()}`;
    const file = DEMO_SCENARIOS.find((f) => f.startsWith('lesi')) ?? DEMO_SCENARIOS[0]!;
    const claim = scenarioClaim(file);
    const { validated } = pipelineMessages(claim, catalog, 'latest');
    const earlier = new Client({ connectionString: db.url });
    await earlier.connect();
    // The statements of the build before this migration: no facet columns named.
    const id = randomUUID();
    await earlier.query(
      `INSERT INTO ledger.claim_ledger (id, submitter_id, submitter_claim_id, content_hash, format, status, correlation_id, claim)
       VALUES ($1, $2, $3, 'h', 'json', 'normalized', 'c', $4)`,
      [id, owner, file, JSON.stringify(claim)],
    );
    const afterInsert = await earlier.query('SELECT service_from, edit_codes, denied FROM ledger.claim_ledger WHERE id = $1', [id]);
    expect(afterInsert.rows[0]).toMatchObject({ edit_codes: [], denied: null });
    expect(afterInsert.rows[0].service_from).not.toBeNull();
    await earlier.query(`UPDATE ledger.claim_ledger SET status = 'validated', result = $2 WHERE id = $1`, [
      id,
      JSON.stringify(earlierCompact(storedValidation(validated) as CompactStoredResult)),
    ]);
    await earlier.end();

    const { rows } = await sql.query(FACETS_AND_FUNCTIONS, [owner]);
    expect(rows[0]).toMatchObject({ service_from: rows[0].fn_from, service_to: rows[0].fn_to, denied: rows[0].fn_denied });
    expect(rows[0].edit_codes).toEqual(rows[0].fn_codes);
    expect(rows[0].denied).not.toBeNull();
    // Once for the insert (no service dates given), once for the update (a result without denied).
    expect(await triggerCalls()).toBe(2);
  });
});
