import { Client } from 'pg';
import { createTestDatabase, startInfra, type Infra, type TestDatabase } from '@claimflow/testing';
import { keysCommand } from '../src/commands/keys.command';

describe('claimflow keys (real Postgres at DATABASE_URL)', () => {
  let infra: Infra;
  let db: TestDatabase;
  const saved = process.env.DATABASE_URL;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl, { prefix: 'cli_keys' });
    process.env.DATABASE_URL = db.url;
  });

  afterAll(async () => {
    process.env.DATABASE_URL = saved;
    await db?.drop();
    await infra?.stop();
  });

  async function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await keysCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('creates a key shown once and stored only as its SHA-256 hash, lists it without the key, and revokes it', async () => {
    const created = await run('create', '--name', 'clinic pm', '--owner', 'clinic-a', '--scopes', 'claims:submit,claims:read', '--json');
    expect(created.code).toBe(0);
    const key = JSON.parse(created.out) as { key: string; id: string; owner: string; scopes: string[]; revokedAt: null };
    expect(key).toMatchObject({ owner: 'clinic-a', scopes: ['claims:submit', 'claims:read'], revokedAt: null });
    expect(key.key).toMatch(/^cf_live_[A-Za-z0-9_-]{43}$/);

    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT * FROM api_key');
      expect(JSON.stringify(rows)).not.toContain(key.key.slice(8));
      expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await client.end();
    }

    const listed = await run('list', '--json');
    expect(JSON.parse(listed.out)).toEqual([
      expect.objectContaining({ id: key.id, name: 'clinic pm', owner: 'clinic-a', revokedAt: null }),
    ]);
    expect(listed.out).not.toContain(key.key);

    expect((await run('revoke', key.id)).code).toBe(0);
    const after = JSON.parse((await run('list', '--json')).out) as { revokedAt: string | null }[];
    expect(after[0].revokedAt).toEqual(expect.any(String));
    expect((await run('list')).out).toContain('REVOKED');
  });

  it('refuses unknown scopes, a missing name and an unknown id, naming the problem', async () => {
    const bad = await run('create', '--name', 'x', '--scopes', 'claims:delete');
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('--scopes') });
    expect((await run('create', '--scopes', 'claims:read')).code).toBe(2);
    expect(await run('revoke', '00000000-0000-4000-8000-000000000000')).toMatchObject({ code: 1, err: expect.stringContaining('no key') });
    expect((await run('frobnicate')).code).toBe(2);
  });
});
