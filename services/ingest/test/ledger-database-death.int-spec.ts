import { randomUUID } from 'node:crypto';
import { LedgerDb } from '@claimflow/db-ledger';
import { isDatabaseUnavailable } from '@claimflow/runtime';
import {
  createTestDatabase,
  freePortBlock,
  startPrivatePostgres,
  waitFor,
  type PrivatePostgres,
  type TestDatabase,
} from '@claimflow/testing';
import { ClaimLedgerRepository } from '../src/ledger/claim-ledger.repository';

/**
 * The ledger's own transactions (results written set-based on a checked-out pg connection) while their Postgres dies:
 * a connection lost while checked out must fail the work in flight, as "unavailable", and never emit an 'error'
 * nobody listens to (which ends the process: this test's, here). A private cluster, killed for real.
 */
describe('ledger transactions while Postgres dies (private cluster)', () => {
  let pg: PrivatePostgres;
  let db: TestDatabase;
  let prisma: LedgerDb;
  let ledger: ClaimLedgerRepository;

  beforeAll(async () => {
    pg = await startPrivatePostgres(await freePortBlock(1));
    db = await createTestDatabase(pg.url, { prefix: 'claimflow_ledgerdeath' });
    prisma = new LedgerDb(db.urls.ingest);
    ledger = new ClaimLedgerRepository(prisma);
  }, 120_000);

  afterAll(async () => {
    await prisma?.$disconnect().catch(() => undefined);
    await pg?.start().catch(() => undefined);
    await db?.drop().catch(() => undefined);
    await pg?.destroy();
  }, 60_000);

  it.each([
    ['pg_ctl stop -m immediate', () => pg.stop('immediate')],
    ['kill -9 of the postmaster', () => pg.kill9()],
  ])(
    'fails the transactions in flight as unavailable through %s, and works again after',
    async (_, fault) => {
      const failures: unknown[] = [];
      let written = 0;
      let running = true;
      // Eight writers keep connections checked out inside transactions the whole time.
      const writers = Array.from({ length: 8 }, async () => {
        while (running) {
          const ignored = Array.from({ length: 50 }, () => ({ messageId: randomUUID(), claimId: randomUUID() }));
          await ledger.applyBatch([], ignored).then(
            () => written++,
            (error: unknown) => failures.push(error),
          );
          // A writer's backoff while the database is away (20 ms), not a wait for a condition: the waits below poll.
          if (failures.length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      await waitFor(() => written >= 50, { description: 'transactions committed before the fault', timeoutMs: 30_000 });
      await fault();
      await waitFor(() => failures.length >= 20, { description: 'transactions failing while the database is away', timeoutMs: 30_000 });
      await pg.start();
      const before = written;
      await waitFor(() => written >= before + 50, { description: 'transactions committed again', timeoutMs: 30_000 });
      running = false;
      await Promise.all(writers);
      expect(failures.filter((e) => !isDatabaseUnavailable(e)).map((e) => String(e))).toEqual([]);
    },
    120_000,
  );
});
