import { Client, Pool, type PoolClient } from 'pg';
import { LedgerDb } from '@claimflow/db-ledger';
import { createTestDatabase, startInfra, type Infra, type TestDatabase } from '@claimflow/testing';
import { inTransaction } from '../src/ledger/ledger-transaction';
import { outboxPending } from '../src/outbox/claim-outbox.repository';
import { relayLock } from '../src/outbox/relay-lock';
import { resultsOwed } from '../src/publish-results/claim-result-outbox.repository';
import type { PreparedQuery } from '../src/shared/prepared-statement';

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}
const nodes = (n: PlanNode): string[] => [
  n['Index Name'] ? `${n['Node Type']} ${n['Index Name']}` : n['Node Type'],
  ...(n.Plans ?? []).flatMap(nodes),
];

/**
 * The relays' reads of their queues on real Postgres, as a burst leaves a queue table: a few hundred live rows among
 * thousands of pages of dead ones, analyzed so. The planner would read every page and sort (what the pipeline bench
 * showed, 4.2 ms a pass); in a relay's transaction (relayLock) it reads the oldest rows by the primary key.
 */
describe("the relays' reads of a churned queue (real Postgres)", () => {
  let infra: Infra;
  let db: TestDatabase;
  let prisma: LedgerDb;
  let sql: Client;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    prisma = new LedgerDb(db.urls.ingest);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    // As the planner saw them, not as an autovacuum passing meanwhile would leave them (this database is the test's own).
    await sql.query('ALTER TABLE ledger.claim_outbox SET (autovacuum_enabled = false)');
    await sql.query('ALTER TABLE ledger.claim_result_outbox SET (autovacuum_enabled = false)');
    // 20,000 messages of a claim's normalized size written, all but the newest 200 published (deleted), analyzed.
    await sql.query(`INSERT INTO ledger.claim_outbox (message_id, topic, message_key, envelope, payload)
      SELECT 'm-' || g, 'claims.normalized.v2', 'k-' || g, '{"id":"x"}', jsonb_build_object('claim', repeat('x', 600))
        FROM generate_series(1, 20000) AS g`);
    await sql.query(`DELETE FROM ledger.claim_outbox WHERE id <= (SELECT max(id) - 200 FROM ledger.claim_outbox)`);
    // The results' queue rows are small: more of them to fill as many pages.
    await sql.query(`INSERT INTO ledger.claim_result_outbox (claim_id, submitter_id, status)
      SELECT gen_random_uuid(), 'owner-a', 'priced' FROM generate_series(1, 200000)`);
    await sql.query(`DELETE FROM ledger.claim_result_outbox WHERE id <= (SELECT max(id) - 200 FROM ledger.claim_result_outbox)`);
    await sql.query('ANALYZE ledger.claim_outbox, ledger.claim_result_outbox');
  });

  afterAll(async () => {
    await prisma?.onModuleDestroy();
    await sql?.end();
    await db?.drop();
    await infra?.stop();
  });

  const plan = async (client: PoolClient, statement: PreparedQuery): Promise<string[]> => {
    const { text, values } = statement([500]);
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>({ text: `EXPLAIN (FORMAT JSON) ${text}`, values });
    return nodes(rows[0]!['QUERY PLAN'][0].Plan);
  };

  it.each([
    ['claim_outbox', outboxPending, 'claim_outbox_pkey'],
    ['claim_result_outbox', resultsOwed, 'claim_result_outbox_pkey'],
  ] as const)(
    '%s: read by its key in a relay transaction, where the planner alone reads it whole and sorts',
    async (_t, statement, key) => {
      const [alone, relay] = await inTransaction(prisma.pool, async (client) => {
        const before = await plan(client, statement);
        expect(await relayLock(client, 42)).toBe(true);
        return [before, await plan(client, statement)];
      });
      // The case the setting is for: without it, a sequential scan and a sort.
      expect(alone).toEqual(expect.arrayContaining(['Sort', expect.stringMatching(/^Seq Scan/)]));
      expect(relay).toEqual(['Limit', `Index Scan ${key}`]);
    },
  );

  it('the setting ends with the relay transaction: its connection plans as before afterwards', async () => {
    // One connection, so the query after is on the connection the relay's transaction ran on.
    const pool = new Pool({ connectionString: db.urls.ingest, max: 1 });
    try {
      expect(await inTransaction(pool, (client) => relayLock(client, 42))).toBe(true);
      const { rows } = await pool.query<{ enable_seqscan: string }>('SHOW enable_seqscan');
      expect(rows[0]!.enable_seqscan).toBe('on');
    } finally {
      await pool.end();
    }
  });
});
