import type { INestApplication } from '@nestjs/common';
import type { CodeView } from '@claimflow/domain';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { importFiles, importIntoPostgres } from '@claimflow/refdata';
import { createTestDatabase, startInfra, waitFor, type Infra, type TestDatabase } from '@claimflow/testing';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { WebConfigSchema } from '../src/config/web.config';
import type { RefDataStatusView } from '../src/refdata-status/refdata-status.types';
import { webService } from '../src/web.service';

const CMS = resolve(__dirname, '../../../../shared/data/cms');

/** The web service reads reference data from the Postgres store of record, and picks up a new import without a restart. */
describe('web service on reference data imported into PostgreSQL', () => {
  let infra: Infra | undefined;
  let db: TestDatabase;
  let client: Client;
  let app: INestApplication;
  let base: string;

  const importInto = async (paths: string[]) => {
    const r = importFiles(paths);
    if (!r.ok) throw new Error(r.error.reason);
    const stored = await importIntoPostgres(client, r.value.tables);
    if (!stored.ok) throw new Error(stored.error.reason);
  };
  const get = async <T>(path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    const url = process.env.DATABASE_URL ?? (infra = await startInfra()).databaseUrl;
    db = await createTestDatabase(url, { prefix: 'cf_web_refdata' });
    client = new Client({ connectionString: db.url });
    await client.connect();
    await importInto([join(CMS, 'mpfs/2026')]);
    const config = parseConfig(WebConfigSchema, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      REFDATA_DATABASE_URL: db.url,
      REFDATA_RELOAD_MS: '200',
    });
    app = await startConfiguredService(webService, config);
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await client?.end();
    await db?.drop();
    await infra?.stop();
  });

  it('the code page shows the release imported into Postgres, not the shipped folder', async () => {
    const r = await get<CodeView>('/api/codes/77003?date=2026-03-01');
    expect(r.status).toBe(200);
    expect(r.body.feeScheduleRelease).toBe('MPFS-2026-JUL-PARTIAL');
    // The shipped folder holds NCCI 2024Q3; the store holds no NCCI release.
    expect(r.body.mue.practitioner.release).toBeNull();
    const status = await get<RefDataStatusView>('/api/refdata/status');
    expect(status.body.coverage.map((c) => c.dataset).sort()).toEqual(['mpfs-gpci', 'mpfs-rvu']);
    expect(status.body.line).toMatch(/claims? dated today \(\d{4}-\d{2}-\d{2}\)/);
  });

  it('picks up a new import within the reload interval, and shows what changed for the code', async () => {
    await importInto([join(CMS, 'mpfs/2025/PPRRVU2025_Oct.csv'), join(CMS, 'ncci/2026q3-subset')]);
    const view = await waitFor(
      async () => {
        const r = await get<CodeView>('/api/codes/77003?date=2026-08-01');
        return r.body.mue.practitioner.release !== null && r.body;
      },
      { timeoutMs: 15_000, description: 'the web service to pick up the new releases' },
    );
    expect(view.mue.practitioner.release).toBe('NCCI-2026Q3-PARTIAL');
    const rvu = view.changes.datasets.find((d) => d.dataset === 'mpfs-rvu');
    expect(rvu).toMatchObject({ from: 'MPFS-2025-OCT', to: 'MPFS-2026-JUL-PARTIAL' });
    expect(rvu?.changes.find((c) => c.key === '77003')?.fields).toContainEqual({ field: 'nonFacilityTotal', from: 3.08, to: 3.13 });
  }, 60_000);
});
