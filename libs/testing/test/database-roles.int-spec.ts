import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { applyDatabaseRoles, deployMigrations } from '@claimflow/prisma-tooling';
import { createTestDatabase, REPO_MIGRATIONS_DIR, startInfra, type Infra, type TestDatabase } from '../src';

// Least privilege, checked by PostgreSQL itself: each service role reaches its own schema and nothing else.
describe('service roles on the real PostgreSQL', () => {
  let infra: Infra;
  let db: TestDatabase;

  const as = async <T>(url: string, work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const run = (url: string, sql: string, values: unknown[] = []) => as(url, (c) => c.query(sql, values));
  const denied = (url: string, sql: string, values: unknown[] = []) =>
    expect(run(url, sql, values)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/^permission denied for/) });
  const ledgerRow = [crypto.randomUUID(), 'sub', 'claim-1', 'hash', 'json', 'received', 'corr'];
  const insertLedger = `INSERT INTO ledger.claim_ledger (id, submitter_id, submitter_claim_id, content_hash, format, status, correlation_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7)`;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl, { prefix: 'cf_roles_test' });
  });
  afterAll(async () => {
    await db?.drop();
    await infra?.stop();
  });

  it('connects each service as its own role', async () => {
    for (const [service, url] of Object.entries(db.urls)) {
      const [row] = (await run(url, 'SELECT current_user AS role')).rows;
      expect(row.role).toBe(`claimflow_${service}`);
    }
  });

  it('lets ingest write the ledger and keeps feedback out of it', async () => {
    await run(db.urls.ingest, insertLedger, ledgerRow);
    expect((await run(db.urls.ingest, 'SELECT count(*)::int AS n FROM claim_ledger')).rows).toEqual([{ n: 1 }]);
    await denied(db.urls.feedback, 'SELECT * FROM ledger.claim_ledger');
    await denied(db.urls.feedback, 'SELECT count(*) FROM ledger.claim_ledger');
    await denied(db.urls.refdata, 'SELECT * FROM ledger.claim_ledger');
  });

  it('lets feedback write its tables and keeps ingest out of them', async () => {
    await run(
      db.urls.feedback,
      `INSERT INTO denial_pattern_cell (denied_code, scope, month, payer_type, dimension, value, count) VALUES ('77003', '*', 0, 'mac', 'total', '', 1)`,
    );
    expect((await run(db.urls.feedback, 'SELECT count(*)::int AS n FROM feedback.denial_report')).rows).toEqual([{ n: 0 }]);
    await denied(db.urls.ingest, 'SELECT * FROM feedback.denial_report');
    await denied(db.urls.ingest, 'SELECT * FROM feedback.denial_pattern_cell');
    await denied(db.urls.refdata, 'SELECT * FROM feedback.denial_report');
  });

  it('gives the reference-data readers SELECT only, and the admin role every schema', async () => {
    expect((await run(db.urls.refdata, 'SELECT count(*)::int AS n FROM refdata_release')).rows).toEqual([{ n: 0 }]);
    await denied(db.urls.refdata, `DELETE FROM refdata.refdata_release`);
    await denied(db.urls.ingest, 'SELECT * FROM refdata.refdata_release');
    for (const table of ['ledger.claim_ledger', 'feedback.denial_report', 'refdata.refdata_release']) {
      await run(db.urls.admin, `SELECT count(*) FROM ${table}`);
    }
  });

  it('covers tables a later migration creates, and the key checks ingest and feedback make', async () => {
    // What a later migration (run by the migrating role) does: a new ledger table. The api_key table is the migrations' own.
    await run(db.url, 'CREATE TABLE ledger.claim_outbox_probe (id bigserial PRIMARY KEY, claim_id uuid NOT NULL)');
    await run(db.url, `INSERT INTO keys.api_key (id, name, owner, scopes, key_hash, prefix) VALUES ($1, 'k', 'o', '{}', 'h', 'p')`, [
      crypto.randomUUID(),
    ]);
    await run(db.urls.ingest, 'INSERT INTO ledger.claim_outbox_probe (claim_id) VALUES ($1)', [ledgerRow[0]]);
    await denied(db.urls.feedback, 'SELECT * FROM ledger.claim_outbox_probe');

    const granted = await applyDatabaseRoles({ databaseUrl: db.url });
    expect(granted.ok).toBe(true);
    for (const service of ['ingest', 'feedback'] as const) {
      const url = db.urls[service];
      expect((await run(url, 'SELECT key_hash FROM api_key')).rows).toEqual([{ key_hash: 'h' }]);
      await run(url, 'UPDATE keys.api_key SET last_used_at = now()');
      await denied(url, 'UPDATE keys.api_key SET revoked_at = now()');
      await denied(url, `INSERT INTO keys.api_key (id, name, owner, scopes, key_hash, prefix) VALUES ($1, 'x', 'o', '{}', 'h2', 'p')`, [
        crypto.randomUUID(),
      ]);
    }
    await denied(db.urls.refdata, 'SELECT * FROM keys.api_key');
  });

  it('runs later migrations as claimflow_admin, and their tables reach the service roles without granting again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cf-roles-'));
    try {
      cpSync(REPO_MIGRATIONS_DIR, dir, { recursive: true });
      mkdirSync(path.join(dir, '29991231000000_admin_probe'));
      writeFileSync(
        path.join(dir, '29991231000000_admin_probe', 'migration.sql'),
        'ALTER TABLE ledger.claim_ledger ADD COLUMN probe_note text;\nCREATE TABLE ledger.admin_probe (id bigserial PRIMARY KEY, note text);\n',
      );
      const deployed = await deployMigrations({ databaseUrl: db.urls.admin, migrationsDir: dir });
      expect(deployed).toEqual({ ok: true, value: expect.objectContaining({ applied: ['29991231000000_admin_probe'] }) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await run(db.urls.ingest, `INSERT INTO ledger.admin_probe (note) VALUES ('x')`);
    expect((await run(db.urls.ingest, 'SELECT count(*)::int AS n FROM admin_probe')).rows).toEqual([{ n: 1 }]);
    await denied(db.urls.feedback, 'SELECT * FROM ledger.admin_probe');
    await expect(run(db.urls.ingest, 'ALTER TABLE ledger.claim_ledger ADD COLUMN not_mine text')).rejects.toMatchObject({
      code: '42501',
      message: 'must be owner of table claim_ledger',
    });
  });
});
