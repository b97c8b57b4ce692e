import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { LedgerDb } from '@claimflow/db-ledger';
import { createTestDatabase, startInfra, waitFor, type Infra, type TestDatabase } from '@claimflow/testing';
import { LedgerJanitor } from '../src/housekeeping/ledger-janitor';
import { LedgerRetentionRepository } from '../src/housekeeping/ledger-retention.repository';

const DAY_MS = 86_400_000;

/** Retention deletes on real Postgres, as ingest's own role. */
describe('ledger janitor (real Postgres)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let prisma: LedgerDb;
  let sql: Client;
  let retention: LedgerRetentionRepository;
  const janitors: LedgerJanitor[] = [];

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    prisma = new LedgerDb(db.urls.ingest);
    retention = new LedgerRetentionRepository(prisma);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await Promise.all(janitors.map((j) => j.stop()));
    await prisma?.$disconnect();
    await sql?.end();
    await db?.drop();
    await infra?.stop();
  });

  beforeEach(() => sql.query('TRUNCATE ledger.claim_inbox, ledger.claim_outbox'));

  /** `count` inbox entries received `ageMs` ago by the database clock, as the ledger's default would have stamped them. */
  const received = async (count: number, ageMs: number): Promise<string[]> => {
    const ids = Array.from({ length: count }, () => randomUUID());
    await sql.query(
      `INSERT INTO ledger.claim_inbox (message_id, claim_id, received_at)
       SELECT id, $2, LOCALTIMESTAMP - make_interval(secs => $3::float8) FROM unnest($1::text[]) AS id`,
      [ids, randomUUID(), ageMs / 1000],
    );
    return ids;
  };
  const inbox = async () =>
    (await sql.query<{ message_id: string }>('SELECT message_id FROM ledger.claim_inbox')).rows.map((r) => r.message_id);
  const outbox = async () =>
    (await sql.query<{ message_id: string }>('SELECT message_id FROM ledger.claim_outbox ORDER BY id')).rows.map((r) => r.message_id);
  const outboxRows = async (count: number, sent: boolean): Promise<string[]> => {
    const ids = Array.from({ length: count }, () => randomUUID());
    await sql.query(
      `INSERT INTO ledger.claim_outbox (message_id, topic, message_key, envelope, payload, sent_at)
       SELECT id, 'claims.normalized.v1', id, '{}', '{}', CASE WHEN $2 THEN now() END FROM unnest($1::text[]) AS id`,
      [ids, sent],
    );
    return ids;
  };

  it('deletes only inbox entries older than the retention, at most a batch per statement, oldest first', async () => {
    const expired = await received(12, 8 * DAY_MS);
    const oldest = await received(3, 30 * DAY_MS);
    const kept = [...(await received(4, 6 * DAY_MS)), ...(await received(5, 0))];

    expect(await retention.forgetInboxOlderThan(7 * DAY_MS, 5)).toBe(5);
    // Oldest first: the 30-day entries went in the first batch.
    expect((await inbox()).filter((id) => oldest.includes(id))).toEqual([]);
    expect(await retention.forgetInboxOlderThan(7 * DAY_MS, 5)).toBe(5);
    expect(await retention.forgetInboxOlderThan(7 * DAY_MS, 5)).toBe(5);
    expect(await retention.forgetInboxOlderThan(7 * DAY_MS, 5)).toBe(0);
    expect((await inbox()).sort()).toEqual(kept.sort());
    expect(expired.some((id) => kept.includes(id))).toBe(false);
  });

  it('deletes outbox rows marked sent by an earlier relay, never one still owed', async () => {
    await outboxRows(7, true);
    const owed = await outboxRows(3, false);
    expect(await retention.forgetSentOutbox(5)).toBe(5);
    expect(await retention.forgetSentOutbox(5)).toBe(2);
    expect(await retention.forgetSentOutbox(5)).toBe(0);
    expect(await outbox()).toEqual(owed);
  });

  it('sweeps at start in bounded batches until a batch comes back short, and counts what it removed', async () => {
    await received(23, 2 * DAY_MS);
    const kept = await received(4, 0);
    await outboxRows(6, true);
    const owed = await outboxRows(2, false);
    const batches: [string, number][] = [];
    const janitor = new LedgerJanitor(retention, { inboxRetentionMs: DAY_MS, intervalMs: 60_000, batchSize: 10 }, (table, n) =>
      batches.push([table, n]),
    );
    janitors.push(janitor);

    janitor.start();
    await waitFor(async () => (await inbox()).length === kept.length && (await outbox()).length === owed.length, {
      description: 'the start-up sweep',
      timeoutMs: 10_000,
    });
    await janitor.stop();
    expect((await inbox()).sort()).toEqual([...kept].sort());
    expect(await outbox()).toEqual(owed);
    expect(batches).toEqual([
      ['claim_inbox', 10],
      ['claim_inbox', 10],
      ['claim_inbox', 3],
      ['claim_outbox', 6],
    ]);
  });

  it('has an index on received_at to find expired entries by (migration 20261202210000)', async () => {
    const { rows } = await sql.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE schemaname = 'ledger' AND indexname = 'claim_inbox_received_at_idx'",
    );
    expect(rows.map((r) => r.indexdef)).toEqual([expect.stringContaining('(received_at)')]);
  });
});
