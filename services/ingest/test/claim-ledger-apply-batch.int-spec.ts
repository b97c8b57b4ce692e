import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { storedValidation } from '@claimflow/contracts';
import type { RefDataCatalog } from '@claimflow/domain';
import { LedgerDb } from '@claimflow/db-ledger';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { createTestDatabase, startInfra, type Infra, type TestDatabase } from '@claimflow/testing';
import { ClaimLedgerRepository } from '../src/ledger/claim-ledger.repository';
import { decideEach } from '../src/ledger/decide-all';
import { DEMO_SCENARIOS, pipelineMessages, scenarioClaim } from './support/scenario-results';

/**
 * ClaimLedgerRepository.applyBatch through APPLY_BATCH on real Postgres: the guarded update and the inbox's insert in
 * one statement. What held together in one transaction of four statements holds together in one: a claim that moved
 * since its decision is left out, its message ids with it, and comes back among the conflicts.
 */
describe('applying decisions on results with their message ids (real Postgres)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let prisma: LedgerDb;
  let sql: Client;
  let ledger: ClaimLedgerRepository;
  let catalog: RefDataCatalog;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    prisma = new LedgerDb(db.urls.ingest);
    ledger = new ClaimLedgerRepository(prisma);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    catalog = await loadDefaultCatalog();
  });

  afterAll(async () => {
    await prisma?.onModuleDestroy();
    await sql?.end();
    await db?.drop();
    await infra?.stop();
  });

  /** A demo claim recorded as normalized, and the validation the validator would send for it. */
  const normalizedClaim = async (owner: string) => {
    const id = randomUUID();
    const file = DEMO_SCENARIOS[0]!;
    const claim = { ...scenarioClaim(file, id), submitterClaimId: `${file}-${id}` };
    const entry = {
      id,
      submitterId: owner,
      submitterClaimId: claim.submitterClaimId,
      contentHash: id,
      format: 'json',
      frequencyCode: '1',
      correlationId: id,
    };
    await ledger.record([{ entry, claim, events: [{ type: 'ClaimReceived' }, { type: 'ClaimNormalized' }] }], [], []);
    return {
      id,
      command: { type: 'RecordValidation' as const, result: storedValidation(pipelineMessages(claim, catalog, 'latest').validated) },
    };
  };
  const inbox = async (ids: readonly string[]) =>
    (
      await sql.query<{ message_id: string }>('SELECT message_id FROM ledger.claim_inbox WHERE message_id = ANY($1) ORDER BY message_id', [
        ids,
      ])
    ).rows.map((r) => r.message_id);
  const statuses = async (ids: readonly string[]) =>
    Object.fromEntries(
      (
        await sql.query<{ id: string; status: string }>('SELECT id::text, status FROM ledger.claim_ledger WHERE id = ANY($1::uuid[])', [
          ids,
        ])
      ).rows.map((r) => [r.id, r.status]),
    );

  it('applies the decisions on claims still where they were, notes their ids and the ignored ones, and leaves a moved claim out with its ids', async () => {
    const owner = `batch-${randomUUID()}`;
    const [kept, moved, other] = [await normalizedClaim(owner), await normalizedClaim(owner), await normalizedClaim(owner)];
    const decisions = decideEach(
      [kept, moved].map(({ id, command }) => ({ claimId: id, command, meta: undefined })),
      await ledger.states([kept.id, moved.id]),
    );
    // The moved claim is validated by another writer after its decision was taken.
    const [movedFirst] = decideEach([{ claimId: moved.id, command: moved.command, meta: undefined }], await ledger.states([moved.id]));
    expect((await ledger.applyBatch([{ ...movedFirst!, messageIds: [randomUUID()] }], [])).conflicts.size).toBe(0);

    const [keptId, movedId, ignoredId, ignoredOfMoved] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const sent = jest.spyOn(prisma.pool, 'query');
    const result = await ledger.applyBatch(
      decisions.map((d) => ({ ...d, messageIds: [d.claimId === kept.id ? keptId : movedId] })),
      [
        { messageId: ignoredId, claimId: other.id },
        { messageId: ignoredOfMoved, claimId: moved.id },
      ],
    );
    // One statement, one round trip: no BEGIN and COMMIT around it.
    expect(sent.mock.calls.map(([statement]) => (statement as { name?: string }).name)).toEqual(['ledger_apply_batch']);
    sent.mockRestore();

    expect([...result.conflicts]).toEqual([moved.id]);
    expect([...result.firstSeen].sort()).toEqual([keptId, ignoredId].sort());
    expect(await inbox([keptId, movedId, ignoredId, ignoredOfMoved])).toEqual([keptId, ignoredId].sort());
    expect(await statuses([kept.id, moved.id, other.id])).toEqual({
      [kept.id]: 'validated',
      [moved.id]: 'validated',
      [other.id]: 'normalized',
    });

    // The same message ids again (a redelivery): nothing new seen, nothing changed.
    const again = await ledger.applyBatch(
      [],
      [
        { messageId: keptId, claimId: kept.id },
        { messageId: ignoredId, claimId: other.id },
      ],
    );
    expect([...again.conflicts]).toEqual([]);
    expect([...again.firstSeen]).toEqual([]);
  });

  it('sends nothing for an empty batch', async () => {
    // Neither a statement nor a connection taken for a transaction (the four-statement form sent BEGIN and COMMIT).
    const [sent, taken] = [jest.spyOn(prisma.pool, 'query'), jest.spyOn(prisma.pool, 'connect')];
    expect(await ledger.applyBatch([], [])).toEqual({ conflicts: new Set(), firstSeen: new Set() });
    expect(sent).not.toHaveBeenCalled();
    expect(taken).not.toHaveBeenCalled();
    sent.mockRestore();
    taken.mockRestore();
  });
});
