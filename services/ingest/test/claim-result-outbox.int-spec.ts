import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { LedgerDb } from '@claimflow/db-ledger';
import { createTestDatabase, startInfra, type Infra, type TestDatabase } from '@claimflow/testing';
import { ClaimResultOutboxRepository } from '../src/publish-results/claim-result-outbox.repository';

/** The results relay's store on real Postgres, as ingest's role: owed results taken oldest first. */
describe('owed results (real Postgres)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let prisma: LedgerDb;
  let sql: Client;
  let owed: ClaimResultOutboxRepository;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    prisma = new LedgerDb(db.urls.ingest);
    owed = new ClaimResultOutboxRepository(prisma);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await sql?.end();
    await db?.drop();
    await infra?.stop();
  });

  it('takes them by position across a new digit of the ids (99 before 100), never by their text, and deletes those', async () => {
    await sql.query(`SELECT setval(pg_get_serial_sequence('ledger.claim_result_outbox', 'id'), 97)`);
    const claims = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await sql.query(
      `INSERT INTO ledger.claim_result_outbox (claim_id, submitter_id, status) SELECT c::uuid, 'owner-a', 'priced' FROM unnest($1::text[]) AS c`,
      [claims],
    );
    const taken: { position: bigint; claimId: string }[][] = [];
    const take = async (batch: readonly { position: bigint; claimId: string }[]) =>
      void taken.push(batch.map(({ position, claimId }) => ({ position, claimId })));
    expect(await owed.take(2, take)).toBe(2);
    expect(await owed.take(2, take)).toBe(2);
    expect(await owed.take(2, take)).toBe(0);
    expect(taken).toEqual([
      [
        { position: 98n, claimId: claims[0] },
        { position: 99n, claimId: claims[1] },
      ],
      [
        { position: 100n, claimId: claims[2] },
        { position: 101n, claimId: claims[3] },
      ],
    ]);
  });
});
