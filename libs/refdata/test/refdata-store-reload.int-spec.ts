import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, startInfra, waitFor, type Infra, type TestDatabase } from '@claimflow/testing';
import { importFiles, importIntoPostgres, RefDataHolder } from '../src';

const SUBSET = resolve(__dirname, '../../../../shared/data/cms/ncci/2026q3-subset');

describe('services read reference data from the Postgres store of record', () => {
  let infra: Infra;
  let db: TestDatabase;
  let client: Client;
  let holder: RefDataHolder | undefined;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    client = new Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    holder?.onModuleDestroy();
    await client?.end();
    await db?.drop();
    await infra?.stop();
  });

  const tables = () => {
    const imported = importFiles([join(SUBSET, 'ptp.csv'), join(SUBSET, 'mue.csv')]);
    if (!imported.ok) throw new Error(imported.error.reason);
    return imported.value.tables;
  };

  it('refuses to start on an empty store, with what to do', async () => {
    await expect(new RefDataHolder({ databaseUrl: db.urls.refdata, fallback: 'strict' }).load()).rejects.toThrow(/refdata import/);
  });

  it('loads the active releases and picks up a newly imported one without a restart', async () => {
    const all = tables();
    const q3 = all.filter((t) => t.table.release.id.includes('2026Q3'));
    expect(await importIntoPostgres(client, q3)).toMatchObject({ ok: true });

    holder = new RefDataHolder({ databaseUrl: db.urls.refdata, fallback: 'strict', reloadIntervalMs: 100 });
    await holder.load();
    expect(
      holder.current
        .releases()
        .map((r) => r.id)
        .sort(),
    ).toEqual(['NCCI-2026Q3-PARTIAL', 'NCCI-2026Q3-PARTIAL']);
    expect(holder.current.resolve('ncci-ptp-practitioner', '2026-11-02').ok).toBe(false);

    expect(
      await importIntoPostgres(
        client,
        all.filter((t) => t.table.release.id.includes('2026Q4')),
      ),
    ).toMatchObject({ ok: true });
    await waitFor(() => holder!.current.resolve('ncci-ptp-practitioner', '2026-11-02').ok, {
      description: 'the Q4 release in use',
      timeoutMs: 20_000,
    });
  });
});
