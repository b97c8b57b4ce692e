import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { ClaimPricedV1, ClaimValidatedV1 } from '@claimflow/contracts';
import { LedgerDb } from '@claimflow/db-ledger';
import { IngestMetrics } from '../src/ingest.metrics';
import { createTestDatabase, startInfra, type Infra, type TestDatabase } from '@claimflow/testing';
import { ClaimCompletions } from '../src/ledger/claim-completions';
import { ClaimLedgerRepository } from '../src/ledger/claim-ledger.repository';
import { IgnoredResults } from '../src/track-claim/ignored-results';
import { TrackClaimHandler } from '../src/track-claim/track-claim.handler';

const validated = (claimId: string) => ({ claim: { claimId }, validation: { lines: ['v'] } }) as unknown as ClaimValidatedV1;
const priced = (claimId: string) =>
  ({ claim: { claimId }, validation: { lines: ['v'] }, pricing: { total: 1 } }) as unknown as ClaimPricedV1;

/** The validated result arriving after the priced one, through the real ledger statements (ingest's role, real Postgres). */
describe('results in any order (real Postgres)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let prisma: LedgerDb;
  let sql: Client;
  let ignored: IgnoredResults;
  let handler: TrackClaimHandler;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    prisma = new LedgerDb(db.urls.ingest);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    const metrics = new IngestMetrics('ingest');
    ignored = new IgnoredResults(metrics);
    handler = new TrackClaimHandler(new ClaimLedgerRepository(prisma), new ClaimCompletions(), ignored, metrics);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await sql?.end();
    await db?.drop();
    await infra?.stop();
  });

  const normalizedClaim = async () => {
    const id = randomUUID();
    await sql.query(
      `INSERT INTO ledger.claim_ledger (id, submitter_claim_id, content_hash, format, status, correlation_id, normalized_at)
       VALUES ($1, $2, 'h', 'json', 'normalized', 'c', now())`,
      [id, `ANY-ORDER-${id}`],
    );
    return id;
  };
  const row = async (id: string) =>
    (
      await sql.query<{ status: string; validated: boolean; priced: boolean; result: unknown }>(
        `SELECT status, validated_at IS NOT NULL AS validated, priced_at IS NOT NULL AS priced, result FROM ledger.claim_ledger WHERE id = $1`,
        [id],
      )
    ).rows[0];

  const inbox = async (messageIds: string[]) =>
    (
      await sql.query<{ message_id: string }>(`SELECT message_id FROM ledger.claim_inbox WHERE message_id = ANY($1)`, [messageIds])
    ).rows.map((r) => r.message_id);

  it('takes the pricing, which carries the validation, as both: a validation after it writes nothing and counts nothing', async () => {
    const [late, together] = [await normalizedClaim(), await normalizedClaim()];
    await handler.onPriced(`p-${late}`, priced(late));
    await handler.onValidated(`v-${late}`, validated(late));
    await Promise.all([handler.onPriced(`p-${together}`, priced(together)), handler.onValidated(`v-${together}`, validated(together))]);
    for (const id of [late, together])
      expect(await row(id)).toEqual({
        status: 'priced',
        validated: true,
        priced: true,
        result: { validation: { lines: ['v'] }, pricing: { total: 1 } },
      });
    expect(await inbox([`p-${late}`, `v-${late}`, `p-${together}`])).toEqual([`p-${late}`, `p-${together}`]);
    expect(ignored.snapshot()).toEqual({});
  });

  it('counts a second validation of a claim not priced yet as a duplicate, once', async () => {
    const id = await normalizedClaim();
    await handler.onValidated(`v1-${id}`, validated(id));
    await handler.onValidated(`v2-${id}`, validated(id));
    await handler.onValidated(`v2-${id}`, validated(id));
    expect(ignored.snapshot()).toEqual({ 'DUPLICATE_RESULT:RecordValidation': 1 });
    await handler.onPriced(`p-${id}`, priced(id));
    await handler.onValidated(`v3-${id}`, validated(id));
    expect(ignored.snapshot()).toEqual({ 'DUPLICATE_RESULT:RecordValidation': 1 });
    expect(await row(id)).toEqual(expect.objectContaining({ status: 'priced', validated: true, priced: true }));
  });
});
