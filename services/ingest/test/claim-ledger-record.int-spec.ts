import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TOPICS, rootEnvelope } from '@claimflow/contracts';
import type { Claim } from '@claimflow/domain';
import { LedgerDb } from '@claimflow/db-ledger';
import { createTestDatabase, startInfra, type Infra, type TestDatabase } from '@claimflow/testing';
import { ClaimLedgerRepository, type NewClaim } from '../src/ledger/claim-ledger.repository';
import { newClaimRow, outboxRow } from '../src/ledger/claim-ledger.projection';
import { INSERT_CLAIMS_AND_OUTBOX } from '../src/ledger/claim-ledger.sql';
import { FIND_SEEN } from '../src/ledger/claim-ledger.reads.sql';
import type { OutboxMessage } from '../src/outbox/outbox-message';
import { ClaimResultOutboxRepository } from '../src/publish-results/claim-result-outbox.repository';
import { writeClaim } from '../src/submit-claim/written-claim';

/** A claim document with what JSON must carry unchanged: text to escape, numbers, nesting, keys in no order. */
const claimDoc = (id: string) => ({
  claimId: id,
  submitterClaimId: `REC-${id}`,
  note: 'Ünïcødé "quoted" \\ line\nbreak',
  lines: [{ units: 1.5, code: '99213', modifiers: ['25'] }],
  billingProvider: { zip: '10016', npi: '1234567893' },
});

const newClaim = (claim: ReturnType<typeof claimDoc>): NewClaim => ({
  entry: {
    id: claim.claimId,
    submitterId: 'clinic-rec',
    submitterClaimId: claim.submitterClaimId,
    contentHash: `h-${claim.claimId}`,
    format: 'json',
    frequencyCode: '1',
    correlationId: `c-${claim.claimId}`,
  },
  claim,
  events: [{ type: 'ClaimReceived' }, { type: 'ClaimNormalized' }],
});

const message = (key: string, payload: object): OutboxMessage => {
  const envelope = rootEnvelope('ClaimNormalized.v2');
  return { messageId: envelope.id, topic: TOPICS.claimsNormalized, key, envelope, payload };
};

/**
 * ClaimLedgerRepository.record through the real statement (ingest's role, real Postgres): new claims and their outbox
 * rows; and the owed results as the results relay takes them.
 */
describe('recording new claims with the messages they owe (real Postgres)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let prisma: LedgerDb;
  let sql: Client;
  let ledger: ClaimLedgerRepository;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    prisma = new LedgerDb(db.urls.ingest);
    ledger = new ClaimLedgerRepository(prisma);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await sql?.end();
    await db?.drop();
    await infra?.stop();
  });

  it("stores each message's payload as the JSON it was given, those built from a claim recorded beside it included, in order (a claim given as intake's JSON too)", async () => {
    const [a, b] = [claimDoc(randomUUID()), claimDoc(randomUUID())];
    // An earlier claim sent again (a copy, not the object recorded here) and a payload with more than type and claim.
    const earlier = claimDoc(randomUUID());
    const messages = [
      message(a.claimId, { type: 'ClaimNormalized.v2', claim: a }),
      message(earlier.claimId, { type: 'ClaimNormalized.v2', claim: earlier }),
      message(b.claimId, { type: 'ClaimNormalized.v2', claim: b }),
      message(a.claimId, { type: 'ClaimNormalized.v2', claim: a, extra: 1 }),
    ];
    const recorded = new Map<unknown, string>([
      [a, a.claimId],
      [b, b.claimId],
    ]);
    // Built by Postgres: the two whose payload is exactly a recorded claim's; the others are sent as they are.
    expect(messages.map((m) => 'payload_claim' in outboxRow(m, recorded))).toEqual([true, false, true, false]);

    // b as intake records it, with the JSON it wrote once for its content hash; a as any other writer, its object.
    await ledger.record([newClaim(a), { ...newClaim(b), claimJson: writeClaim(b as unknown as Claim).json }], [], messages);

    const { rows } = await sql.query<{ message_id: string; payload: string; given: string }>(
      `SELECT o.message_id, o.payload::text AS payload, m.given::jsonb::text AS given
         FROM ledger.claim_outbox o JOIN jsonb_to_recordset($1::jsonb) AS m(message_id text, given text) USING (message_id)
        ORDER BY o.id`,
      [JSON.stringify(messages.map((m) => ({ message_id: m.messageId, given: JSON.stringify(m.payload) })))],
    );
    expect(rows.map((r) => r.message_id)).toEqual(messages.map((m) => m.messageId));
    // The very text Postgres stores for the JSON as given (the relay sends this text).
    for (const r of rows) expect(r.payload).toBe(r.given);
    const claims = await sql.query<{ id: string; claim: unknown }>(
      'SELECT id::text AS id, claim FROM ledger.claim_ledger ORDER BY submitter_claim_id',
    );
    expect(claims.rows).toEqual(
      [a, b].sort((x, y) => x.submitterClaimId.localeCompare(y.submitterClaimId)).map((c) => ({ id: c.claimId, claim: c })),
    );
  });

  it('refuses, writing nothing, a message that names a claim the statement does not record', async () => {
    const [a, stray] = [claimDoc(randomUUID()), claimDoc(randomUUID())];
    const owed = outboxRow(message(stray.claimId, { type: 'ClaimNormalized.v2', claim: stray }), new Map([[stray, stray.claimId]]));
    const count = async () => (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger.claim_ledger')).rows[0]!.n;
    const before = await count();
    // The statement as the repository sends it, on ingest's own pool, with a row naming a claim it does not insert.
    const statement = prisma.pool.query(INSERT_CLAIMS_AND_OUTBOX, [
      JSON.stringify([newClaimRow(newClaim(a), new Date())]),
      JSON.stringify([owed]),
      '[]',
    ]);
    await expect(statement).rejects.toThrow(/"payload".*not-null/);
    expect(await count()).toBe(before);
  });

  it('takes the results owed (another outbox) by position across a new digit of the ids (99 before 100), never by their text', async () => {
    const owed = new ClaimResultOutboxRepository(prisma);
    await sql.query(`SELECT setval(pg_get_serial_sequence('ledger.claim_result_outbox', 'id'), 97)`);
    const claims = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await sql.query(
      `INSERT INTO ledger.claim_result_outbox (claim_id, submitter_id, status) SELECT c::uuid, 'clinic-rec', 'priced' FROM unnest($1::text[]) AS c`,
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

  it('prepares the statements of every batch once a connection, planned for each run: a table grown since keeps its index', async () => {
    const known = [randomUUID(), randomUUID()];
    await ledger.record(
      known.map((id) => newClaim(claimDoc(id))),
      [],
      [],
    );
    const asked = [...known, randomUUID()];
    // Run one after another, these take the pool's same idle connection (pg-pool hands out the last released).
    for (let i = 0; i < 7; i++)
      expect([...(await ledger.states(asked)).values()].map((s) => s.status)).toEqual(['normalized', 'normalized', 'unknown']);
    await sql.query(
      `INSERT INTO ledger.claim_ledger (id, submitter_id, submitter_claim_id, content_hash, format, status, correlation_id)
       SELECT gen_random_uuid(), 'clinic-grown', 'G-' || g, 'h', 'json', 'normalized', 'c' FROM generate_series(1, 30000) g`,
    );
    // EXPLAIN EXECUTE runs the statement the ledger prepared on this connection (an eighth run).
    const literal = sql.escapeLiteral(JSON.stringify(asked));
    const { rows } = await prisma.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE ledger_find_states(${literal})`);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    const { rows: prepared } = await prisma.pool.query<{ generic_plans: string; custom_plans: string }>(
      `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'ledger_find_states'`,
    );
    // With Postgres's default (plan_cache_mode auto), the sixth run on kept the generic plan made for a near-empty
    // ledger: a hash join over the whole table, 5.3 ms a run at 30,000 rows against 0.28 planned for its values. The
    // statement's earlier form, IN (SELECT ...), made that plan for these 30,000 narrow rows even planned for its values.
    expect(plan).not.toMatch(/Seq Scan on claim_ledger/);
    expect(plan).toMatch(/Index.* on claim_ledger/);
    expect(prepared).toEqual([{ generic_plans: '0', custom_plans: '8' }]);
  });

  it('finds which message ids the inbox holds through its index, not by reading the whole inbox', async () => {
    await sql.query(`INSERT INTO ledger.claim_inbox (message_id, claim_id) SELECT 'seen-' || g, 'c' FROM generate_series(1, 20000) g`);
    const held = Array.from({ length: 100 }, (_, i) => `seen-${i * 150 + 1}`);
    const asked = [...held, 'never-"quoted"-Ünï', 'seen-20001'];
    expect([...(await ledger.seen(asked))].sort()).toEqual([...held].sort());
    // 20,000 rows, not analyzed: the old IN (SELECT jsonb_array_elements_text ...) read them all for a hash join.
    const { rows } = await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${FIND_SEEN.replace('claim_inbox', 'ledger.claim_inbox')}`, [
      JSON.stringify(asked),
    ]);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/Index.* on claim_inbox/);
    expect(plan).not.toMatch(/Seq Scan on claim_inbox/);
  });
});
