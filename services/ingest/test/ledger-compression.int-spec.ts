import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, startInfra, type Infra, type TestDatabase } from '@claimflow/testing';

/**
 * A claim's stored result is compressed with lz4 (migration 20261206080000_result_lz4): pglz compression was most of
 * the cost of writing one (0.17-0.20 ms a 12 KB result against 0.03 ms). A row of a compact result stays whole in its
 * page up to 4 KB (migration 20261207120000_ledger_toast_target). Checked on what Postgres actually stored.
 */
describe('how the ledger stores results (real Postgres)', () => {
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

  it('keeps a priced row of a compact result (~3.4 KB) in its page, nothing moved to the TOAST table', async () => {
    const client = new Client({ connectionString: db.urls.ingest });
    // Values moved out of line, counted in the TOAST table itself (as the administrator: no service role reads it).
    const admin = new Client({ connectionString: db.url });
    await Promise.all([client.connect(), admin.connect()]);
    try {
      const id = randomUUID();
      // The sizes of a priced demo claim's row since the compact results (issue 30): its claim ~0.8 KB, its result
      // ~2.6 KB, as little compressible as random ids make them. At Postgres's default target (~2 KB) the result
      // was compressed and still moved out of line.
      const uuids = (n: number) => Array.from({ length: n }, () => randomUUID());
      const claim = { lines: uuids(20) };
      const result = { form: 'compact', validation: { edits: uuids(36).map((note) => ({ code: 'PTP_BUNDLED', note })) } };
      const toastValues = async () => {
        const [{ toast }] = (
          await admin.query(`SELECT reltoastrelid::regclass::text AS toast FROM pg_class WHERE oid = 'ledger.claim_ledger'::regclass`)
        ).rows as { toast: string }[];
        return (await admin.query(`SELECT count(DISTINCT chunk_id)::int AS n FROM ${toast}`)).rows[0].n as number;
      };
      const toastBefore = await toastValues();
      await client.query(
        `INSERT INTO ledger.claim_ledger (id, submitter_id, submitter_claim_id, content_hash, format, status, correlation_id, claim, result)
         VALUES ($1, 'toast', 'TOAST-1', 'h', 'json', 'priced', 'c', $2::jsonb, $3::jsonb)`,
        [id, JSON.stringify(claim), JSON.stringify(result)],
      );
      const { rows } = await client.query(
        'SELECT pg_column_size(l.*) AS row_bytes, pg_column_compression(l.result) AS method FROM ledger.claim_ledger l WHERE l.id = $1',
        [id],
      );
      expect(rows[0].row_bytes).toBeGreaterThan(3000);
      expect(rows[0].method).toBeNull();
      expect(await toastValues()).toBe(toastBefore);
    } finally {
      await Promise.all([client.end(), admin.end()]);
    }
  });
});
