import { RefdataDb } from '@claimflow/db-refdata';
import { createTestDatabase, startInfra, type Infra, type TestDatabase } from '../src';

// Guards the generator settings in prisma/<owner>/schema/client.prisma (prisma-client, moduleFormat cjs): a generated
// client must load under Jest/@swc and query a database migrated by our deploy through the pg driver adapter.
describe('generated Prisma client', () => {
  let infra: Infra;
  let db: TestDatabase;
  let prisma: RefdataDb;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    prisma = new RefdataDb(db.url);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
    await infra?.stop();
  });

  it('reads the migration history through the pg adapter', async () => {
    const rows = await prisma.$queryRaw<{ applied: number; pending: number }[]>`
      SELECT count(*) FILTER (WHERE finished_at IS NOT NULL)::int AS applied,
             count(*) FILTER (WHERE finished_at IS NULL)::int AS pending
        FROM _prisma_migrations`;
    expect(rows[0].pending).toBe(0);
    expect(rows[0].applied).toBeGreaterThanOrEqual(1);
  });

  it('runs an interactive transaction and rolls it back on error', async () => {
    const attempt = prisma.$transaction(async (tx) => {
      await tx.$executeRaw`CREATE TABLE tx_probe (id int)`;
      throw new Error('abort on purpose');
    });
    await expect(attempt).rejects.toThrow('abort on purpose');
    const probe = await prisma.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('tx_probe') IS NOT NULL AS present`;
    expect(probe[0].present).toBe(false);
  });
});
