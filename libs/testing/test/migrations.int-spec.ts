import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { deployMigrations, migrationChecksum } from '@claimflow/prisma-tooling';
import { createTestDatabase, REPO_MIGRATIONS_DIR, startInfra, type Infra, type TestDatabase } from '../src';

const run = promisify(execFile);
const repo = path.resolve(__dirname, '../../..');

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};
const history = (url: string) =>
  query<Row>(
    url,
    'SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY started_at',
  );
const tableExists = async (url: string, table: string) =>
  (await query<{ present: boolean }>(url, `SELECT to_regclass('${table}') IS NOT NULL AS present`))[0].present;

describe('migrations against the real PostgreSQL', () => {
  let infra: Infra;
  let dir: string;
  const databases: TestDatabase[] = [];
  const write = (name: string, sql: string) => {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  };
  const emptyDatabase = async () => {
    const db = await createTestDatabase(infra.databaseUrl, { migrationsDir: path.join(dir, 'none'), prefix: 'cf_migrate_test' });
    databases.push(db);
    return db;
  };

  beforeAll(async () => (infra = await startInfra()));
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'cf-migrate-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
    await infra?.stop();
  });

  it('createTestDatabase applies every repository migration and drop() removes the database', async () => {
    const db = await createTestDatabase(infra.databaseUrl);
    const onDisk = readdirSync(REPO_MIGRATIONS_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const rows = await history(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk);
    for (const r of rows) {
      expect(r.checksum).toBe(migrationChecksum(readFileSync(path.join(REPO_MIGRATIONS_DIR, r.migration_name, 'migration.sql'), 'utf8')));
      expect(r).toEqual(expect.objectContaining({ applied_steps_count: 1, logs: null, rolled_back_at: null }));
      expect(r.finished_at).toBeInstanceOf(Date);
    }
    await db.drop();
    const left = await query<{ n: string }>(infra.databaseUrl, `SELECT count(*) AS n FROM pg_database WHERE datname = '${db.name}'`);
    expect(left[0].n).toBe('0');
  });

  it('deploys in order, skips applied migrations, refuses edited ones and rolls back a failing one', async () => {
    const db = await emptyDatabase();
    write(
      '20250101000000_init',
      "CREATE TABLE fee (code text PRIMARY KEY, cents int NOT NULL);\nINSERT INTO fee VALUES ('76000', 9412);\n",
    );
    write('20250102000000_index', 'CREATE INDEX fee_cents_idx ON fee (cents);\n');
    const first = await deployMigrations({ databaseUrl: db.url, migrationsDir: dir });
    expect(first).toEqual({ ok: true, value: { applied: ['20250101000000_init', '20250102000000_index'], alreadyApplied: [] } });

    write('20250103000000_more', 'ALTER TABLE fee ADD COLUMN note text;\n');
    const second = await deployMigrations({ databaseUrl: db.url, migrationsDir: dir });
    expect(second).toEqual({
      ok: true,
      value: { applied: ['20250103000000_more'], alreadyApplied: ['20250101000000_init', '20250102000000_index'] },
    });
    expect(await query(db.url, 'SELECT code, cents, note FROM fee')).toEqual([{ code: '76000', cents: 9412, note: null }]);

    write('20250104000000_broken', 'CREATE TABLE half (id int);\nINSERT INTO missing_table VALUES (1);\n');
    const broken = await deployMigrations({ databaseUrl: db.url, migrationsDir: dir });
    expect(broken).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'MIGRATION_APPLY_FAILED', migration: '20250104000000_broken' }),
    });
    expect(await tableExists(db.url, 'half')).toBe(false);
    const failedRow = (await history(db.url)).find((r) => r.migration_name === '20250104000000_broken');
    expect(failedRow).toEqual(expect.objectContaining({ finished_at: null, applied_steps_count: 0 }));
    expect(failedRow?.rolled_back_at).toBeInstanceOf(Date);
    expect(failedRow?.logs).toContain('relation "missing_table" does not exist');

    write('20250104000000_broken', 'CREATE TABLE half (id int);\n');
    const fixed = await deployMigrations({ databaseUrl: db.url, migrationsDir: dir });
    expect(fixed.ok && fixed.value.applied).toEqual(['20250104000000_broken']);

    write('20250101000000_init', 'CREATE TABLE fee (code text PRIMARY KEY);\n');
    const edited = await deployMigrations({ databaseUrl: db.url, migrationsDir: dir });
    expect(edited).toEqual({ ok: false, error: expect.objectContaining({ code: 'MIGRATION_MODIFIED', migration: '20250101000000_init' }) });
  });

  it("writes the same history as Prisma's own schema engine, which accepts ours as up to date", async () => {
    write('20250101000000_init', 'CREATE TABLE rvu (code text, work numeric(6,2));\n-- semicolon-free comment\n');
    write('20250102000000_seed', "INSERT INTO rvu VALUES ('77002', 0.54);\n");
    const ours = await emptyDatabase();
    const prisma = await emptyDatabase();
    expect((await deployMigrations({ databaseUrl: ours.url, migrationsDir: dir })).ok).toBe(true);
    const script = path.join(repo, 'scripts/prisma-migrate.mjs');
    await run('node', [script, 'deploy', '--engine', 'wasm', '--migrations', dir], { env: { ...process.env, DATABASE_URL: prisma.url } });

    const strip = (rows: Row[]) =>
      rows.map(({ migration_name, checksum, applied_steps_count, logs, rolled_back_at }) => ({
        migration_name,
        checksum,
        applied_steps_count,
        logs,
        rolled_back_at,
      }));
    expect(strip(await history(ours.url))).toEqual(strip(await history(prisma.url)));
    const columns = `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`;
    expect(await query(ours.url, columns)).toEqual(await query(prisma.url, columns));

    const status = await run('node', [script, 'status', '--engine', 'wasm', '--migrations', dir], {
      env: { ...process.env, DATABASE_URL: ours.url },
    });
    expect(JSON.parse(status.stdout)).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  });
});
