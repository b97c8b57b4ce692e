import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, startInfra, type Infra, type TestDatabase } from '@claimflow/testing';

/**
 * A claim's stored result is compressed with lz4 (migration 20261206080000_result_lz4): pglz compression was most of
 * the cost of writing one (0.17-0.20 ms a 12 KB result against 0.03 ms). Checked on what Postgres actually stored.
 */
describe('the ledger stores results lz4-compressed (real Postgres)', () => {
  let infra: Infra;
  let db: TestDatabase;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl, { prefix: 'claimflow_lz4' });
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
    await infra?.stop();
  });

  it('writes a result over the TOAST threshold with lz4, as the ingest role', async () => {
    const client = new Client({ connectionString: db.urls.ingest });
    await client.connect();
    try {
      const id = randomUUID();
      // A result the size of a priced demo claim's (12 KB), not compressible to below the 2 KB TOAST threshold.
      const result = {
        validation: { edits: Array.from({ length: 120 }, (_, i) => ({ code: `E${i}`, note: randomUUID() + randomUUID() })) },
      };
      await client.query(
        `INSERT INTO ledger.claim_ledger (id, submitter_id, submitter_claim_id, content_hash, format, status, correlation_id, result)
         VALUES ($1, 'lz4', 'LZ4-1', 'h', 'json', 'priced', 'c', $2::jsonb)`,
        [id, JSON.stringify(result)],
      );
      const [row] = (await client.query('SELECT pg_column_compression(result) AS method FROM ledger.claim_ledger WHERE id = $1', [id]))
        .rows as { method: string | null }[];
      expect(row).toEqual({ method: 'lz4' });
    } finally {
      await client.end();
    }
  });
});
