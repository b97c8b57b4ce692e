import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, startInfra, type Infra, type TestDatabase } from '@claimflow/testing';

const HOOKED = 'owner-hooked';
const PLAIN = 'owner-plain';

/**
 * What a claim's move into a final status queues (migration 20261207100000_final_claims_by_statement): its owed result
 * and, for an owner with a claim.final subscription, the webhook event and a delivery per such subscription. UPDATEs
 * queue them once per statement, INSERTs per row; and a submission's submission.acknowledged event, once per INSERT
 * statement (20261207110000_submissions_acknowledged_by_statement). Statements run as ingest's role on real Postgres.
 */
describe('the ledger triggers that queue results and webhook events (real Postgres)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let admin: Client;
  let ingest: Client;
  const subscriptions = { final: randomUUID(), alsoFinal: randomUUID(), other: randomUUID(), acknowledged: randomUUID() };

  const insert = (id: string, owner: string, status: string) =>
    ingest.query(
      `INSERT INTO claim_ledger (id, submitter_id, submitter_claim_id, content_hash, format, status, correlation_id)
       VALUES ($1, $2, $3, $4, 'json', $5, $6)`,
      [id, owner, `PM-${id}`, `h-${id}`, status, `c-${id}`],
    );
  const owed = async () =>
    (await admin.query<{ claim_id: string; status: string }>('SELECT claim_id::text, status FROM claim_result_outbox ORDER BY id')).rows;
  const events = async (type = 'claim.final') =>
    (
      await admin.query<{ id: string; owner: string; data: object }>(
        'SELECT id, owner, data FROM webhook_event WHERE type = $1 ORDER BY created_at, id',
        [type],
      )
    ).rows;
  const deliveries = async (eventId: string) =>
    (
      await admin.query<{ s: string }>('SELECT subscription_id::text AS s FROM webhook_delivery WHERE event_id = $1 ORDER BY 1', [eventId])
    ).rows.map((r) => r.s);

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    admin = new Client({ connectionString: db.url, options: '-c search_path=ledger' });
    ingest = new Client({ connectionString: db.urls.ingest, options: '-c search_path=ledger' });
    await Promise.all([admin.connect(), ingest.connect()]);
    const subscribe = (id: string, events: string[]) =>
      admin.query(
        `INSERT INTO webhook_subscription (id, owner, url, events, secret_sealed) VALUES ($1, $2, 'https://pm.example/hooks', $3, 'sealed')`,
        [id, HOOKED, events],
      );
    await subscribe(subscriptions.final, ['claim.final']);
    await subscribe(subscriptions.alsoFinal, ['remittance.matched', 'claim.final']);
    await subscribe(subscriptions.other, ['remittance.matched']);
    await subscribe(subscriptions.acknowledged, ['submission.acknowledged']);
  });

  afterAll(async () => {
    await admin?.end();
    await ingest?.end();
    await db?.drop();
    await infra?.stop();
  });

  beforeEach(() => admin.query('TRUNCATE claim_result_outbox, webhook_delivery, webhook_event, claim_ledger, submission CASCADE'));

  it('one UPDATE of many claims queues a result for each that became final, an event only for a subscribed owner', async () => {
    const [hooked, plain, validated] = [randomUUID(), randomUUID(), randomUUID()];
    for (const [id, owner] of [
      [hooked, HOOKED],
      [plain, PLAIN],
      [validated, HOOKED],
    ])
      await insert(id, owner, 'normalized');
    expect(await owed()).toEqual([]);

    await ingest.query(`UPDATE claim_ledger SET status = CASE WHEN id = $2 THEN 'validated' ELSE 'priced' END WHERE id = ANY($1::uuid[])`, [
      [hooked, plain, validated],
      validated,
    ]);

    expect((await owed()).sort((a, b) => a.claim_id.localeCompare(b.claim_id))).toEqual(
      [
        { claim_id: hooked, status: 'priced' },
        { claim_id: plain, status: 'priced' },
      ].sort((a, b) => a.claim_id.localeCompare(b.claim_id)),
    );
    const [event, ...more] = await events();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ owner: HOOKED, data: { claimId: hooked, submitterClaimId: `PM-${hooked}`, status: 'priced' } });
    expect(event.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(await deliveries(event.id)).toEqual([subscriptions.final, subscriptions.alsoFinal].sort());
  });

  it('queues nothing for an UPDATE that leaves the status as it was, sets another column, or moves to a status not final', async () => {
    const [priced, open] = [randomUUID(), randomUUID()];
    await insert(priced, HOOKED, 'normalized');
    await insert(open, HOOKED, 'normalized');
    await ingest.query(`UPDATE claim_ledger SET status = 'priced' WHERE id = $1`, [priced]);
    const before = { owed: await owed(), events: await events() };
    expect(before.owed).toHaveLength(1);

    await ingest.query(`UPDATE claim_ledger SET status = 'priced' WHERE id = $1`, [priced]);
    await ingest.query(`UPDATE claim_ledger SET errors = '[]'::jsonb WHERE id = ANY($1::uuid[])`, [[priced, open]]);
    await ingest.query(`UPDATE claim_ledger SET status = 'validated' WHERE id = $1`, [open]);

    expect({ owed: await owed(), events: await events() }).toEqual(before);
  });

  it('a priced claim replaced later queues its replaced result with the replacement named; a claim rejected at intake queues its own', async () => {
    const [first, replacement, rejected] = [randomUUID(), randomUUID(), randomUUID()];
    await insert(first, HOOKED, 'priced');
    await insert(replacement, HOOKED, 'normalized');
    await ingest.query(`UPDATE claim_ledger SET status = 'replaced', replaced_by_id = $2 WHERE id = $1`, [first, replacement]);
    await insert(rejected, PLAIN, 'rejected');

    expect(await owed()).toEqual([
      { claim_id: first, status: 'priced' },
      { claim_id: first, status: 'replaced' },
      { claim_id: rejected, status: 'rejected' },
    ]);
    expect((await events()).map((e) => e.data)).toEqual([
      { claimId: first, submitterClaimId: `PM-${first}`, status: 'priced' },
      { claimId: first, submitterClaimId: `PM-${first}`, status: 'replaced', replacedBy: replacement },
    ]);
  });

  it('one INSERT of submissions queues submission.acknowledged for each one inserted of a subscribed owner, its 999 named for an 837P', async () => {
    const [x12, json, plain, later] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const submit = (rows: [string, string, string][]) =>
      ingest.query(
        `INSERT INTO submission (id, submitter_id, format)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT (id) DO NOTHING`,
        [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
      );
    await submit([
      [x12, HOOKED, 'x12'],
      [json, HOOKED, 'json'],
      [plain, PLAIN, 'json'],
    ]);
    // Sent again with one new: only the new one is inserted, so only it is announced.
    await submit([
      [x12, HOOKED, 'x12'],
      [later, HOOKED, 'json'],
    ]);

    const acknowledged = await events('submission.acknowledged');
    const eventId = (id: string) => `evt_sa_${id.replaceAll('-', '')}`;
    expect(acknowledged.map((e) => [e.id, e.owner, e.data]).sort()).toEqual(
      [
        [eventId(x12), HOOKED, { submissionId: x12, format: 'x12', ack999: `/v1/submissions/${x12}/999` }],
        [eventId(json), HOOKED, { submissionId: json, format: 'json' }],
        [eventId(later), HOOKED, { submissionId: later, format: 'json' }],
      ].sort(),
    );
    for (const e of acknowledged) expect(await deliveries(e.id)).toEqual([subscriptions.acknowledged]);
  });
});
