import { CodeMueTable, CompactPtpTable, quarterRelease, type RefDataCatalog } from '@claimflow/domain';
import { createTestDatabase, startInfra, type Infra, type TestDatabase } from '@claimflow/testing';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { importFiles, importIntoPostgres, loadCatalogFromPostgres, loadDefaultCatalog, type ImportedTable } from '../src';

const CMS = resolve(__dirname, '../../../../shared/data/cms');

describe('reference data in PostgreSQL (store of record)', () => {
  let infra: Infra | undefined;
  let db: TestDatabase;
  let client: Client;
  const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);

  beforeAll(async () => {
    const url = process.env.DATABASE_URL ?? (infra = await startInfra()).databaseUrl;
    db = await createTestDatabase(url, { prefix: 'cf_refdata_test' });
    client = new Client({ connectionString: db.urls.admin });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
    await infra?.stop();
  });

  it('imports the 2026 subset, and a re-import of the same files is a no-op', async () => {
    const subset = importFiles([join(CMS, 'ncci/2026q3-subset')]);
    if (!subset.ok) throw new Error(subset.error.reason);
    const first = await importIntoPostgres(client, subset.value.tables);
    expect(first.ok && first.value.map((o) => `${o.dataset} ${o.releaseId} ${o.action} ${o.rows}`).sort()).toEqual([
      'ncci-mue-practitioner NCCI-2026Q3-PARTIAL imported 100',
      'ncci-mue-practitioner NCCI-2026Q4-PARTIAL imported 100',
      'ncci-ptp-practitioner NCCI-2026Q3-PARTIAL imported 2447',
      'ncci-ptp-practitioner NCCI-2026Q4-PARTIAL imported 2447',
    ]);
    const again = importFiles([join(CMS, 'ncci/2026q3-subset')]);
    if (!again.ok) throw new Error(again.error.reason);
    const second = await importIntoPostgres(client, again.value.tables);
    expect(second.ok && second.value.map((o) => o.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(await count('SELECT count(*) AS n FROM refdata_release')).toBe(4);
    expect(await count('SELECT count(*) AS n FROM refdata_ptp')).toBe(4894);
  });

  it('keeps the previous release active when an import fails half way', async () => {
    const release = quarterRelease('ncci-mue-practitioner', 2026, 3, { partial: true, suffix: 'PARTIAL' });
    const changed = new CodeMueTable(release, [{ code: '77003', value: 2, mai: 3, rationale: '' }]);
    // Two rows for one code break the primary key inside the COPY, after the supersede.
    const broken = new CodeMueTable(release, [
      { code: '77003', value: 2, mai: 3, rationale: '' },
      { code: '77003', value: 3, mai: 3, rationale: '' },
    ]);
    const failed = await importIntoPostgres(client, [{ dataset: 'ncci-mue-practitioner', table: broken }]);
    expect(failed).toMatchObject({ ok: false, error: { code: 'DB_IMPORT_FAILED' } });
    const active = await client.query(
      `SELECT rows FROM refdata_release WHERE release_id = 'NCCI-2026Q3-PARTIAL' AND dataset = 'ncci-mue-practitioner' AND status = 'active'`,
    );
    expect(active.rows).toEqual([{ rows: 100 }]);

    const replaced = await importIntoPostgres(client, [{ dataset: 'ncci-mue-practitioner', table: changed }]);
    expect(replaced.ok && replaced.value[0].action).toBe('imported');
    const statuses = await client.query(
      `SELECT status, rows FROM refdata_release WHERE release_id = 'NCCI-2026Q3-PARTIAL' AND dataset = 'ncci-mue-practitioner' ORDER BY pk`,
    );
    expect(statuses.rows).toEqual([
      { status: 'superseded', rows: 100 },
      { status: 'active', rows: 1 },
    ]);
  });

  it('imports the full 2024Q3 practitioner PTP table (2,546,017 rows) with COPY and loads it back', async () => {
    const shipped: RefDataCatalog = await loadDefaultCatalog();
    const ptp = shipped.resolve('ncci-ptp-practitioner', '2024-08-01');
    if (!ptp.ok) throw new Error(ptp.error.message);
    const tables: ImportedTable[] = [{ dataset: 'ncci-ptp-practitioner', table: ptp.value }];
    const started = performance.now();
    const r = await importIntoPostgres(client, tables);
    const seconds = (performance.now() - started) / 1000;
    if (!r.ok) throw new Error(r.error.reason);
    process.stdout.write(`refdata: 2,546,017 PTP rows imported into PostgreSQL in ${seconds.toFixed(1)} s\n`);
    expect(r.value[0]).toMatchObject({ action: 'imported', rows: 2546017 });
    const pk = (await client.query(`SELECT pk FROM refdata_release WHERE release_id = 'NCCI-2024Q3' AND status = 'active'`)).rows[0].pk;
    expect(await count(`SELECT count(*) AS n FROM refdata_ptp WHERE release_pk = ${pk}`)).toBe(2546017);
    const pair = await client.query(
      `SELECT p.modifier, p.deletion, r.text AS rationale FROM refdata_ptp p JOIN refdata_ptp_rationale r ON r.release_pk = p.release_pk AND r.id = p.rationale WHERE p.release_pk = $1 AND p.column1 = '27093' AND p.column2 = '77002'`,
      [pk],
    );
    expect(pair.rows).toEqual([{ modifier: '1', deletion: 20100331, rationale: 'Standards of medical/surgical practice' }]);

    const fromDb = await loadCatalogFromPostgres(client);
    const back = fromDb.resolve('ncci-ptp-practitioner', '2024-08-01');
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value).toBeInstanceOf(CompactPtpTable);
    expect(back.value.find('62323', '77003', 20240801)?.modifierIndicator).toBe('1');
    expect(back.value.release.notes).toEqual(ptp.value.release.notes);
  });
});
