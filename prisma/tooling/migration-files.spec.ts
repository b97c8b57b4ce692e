import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listMigrations, migrationChecksum } from './migration-files';

describe('listMigrations', () => {
  let dir: string;
  const add = (name: string, sql?: string) => {
    mkdirSync(path.join(dir, name));
    if (sql !== undefined) writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  };

  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'cf-migrations-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists migration folders in name order with sha256 checksums, ignoring loose files', () => {
    add('20250102000000_second', 'CREATE TABLE b (id int);\n');
    add('20250101000000_first', 'CREATE TABLE a (id int);\n');
    writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    const listed = listMigrations(dir);
    expect(listed.ok && listed.value.map((m) => m.name)).toEqual(['20250101000000_first', '20250102000000_second']);
    expect(listed.ok && listed.value[0].checksum).toBe(createHash('sha256').update('CREATE TABLE a (id int);\n').digest('hex'));
  });

  it('treats a missing folder as an empty history, as Prisma does', () => {
    expect(listMigrations(path.join(dir, 'nope'))).toEqual({ ok: true, value: [] });
  });

  it('reports a migration folder without migration.sql', () => {
    add('20250101000000_empty');
    expect(listMigrations(dir)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'MIGRATION_FILE_MISSING', migration: '20250101000000_empty' }),
    });
  });

  it('checksums the exact text, so whitespace edits count as changes', () => {
    // Reference value: `printf 'SELECT 1;\n' | sha256sum`.
    expect(migrationChecksum('SELECT 1;\n')).toBe('b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd');
    expect(migrationChecksum('SELECT 1;\n')).not.toBe(migrationChecksum('SELECT 1; \n'));
  });
});
