import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDataDir } from '../default-data/load-catalog';
import { waitFor } from '@claimflow/testing';
import { RefDataHolder } from './refdata.holder';

describe('RefDataHolder', () => {
  let dir: string;
  let holder: RefDataHolder;

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'refdata-')), 'data');
    cpSync(defaultDataDir(), dir, { recursive: true });
  });

  afterEach(() => {
    holder?.onModuleDestroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const rewriteManifest = (edit: (m: { tables: { release: { id: string } }[] }) => void) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    edit(manifest);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  };

  it('picks up a new data set without a restart', async () => {
    holder = new RefDataHolder({ dir, fallback: 'strict', reloadIntervalMs: 50 });
    await holder.load();
    expect(holder.current.releases().map((r) => r.id)).toContain('MPFS-2026-JUL-PARTIAL');
    rewriteManifest((m) => (m.tables = m.tables.filter((t) => t.release.id !== 'MPFS-2026-JUL-PARTIAL')));
    await waitFor(() => !holder.current.releases().some((r) => r.id === 'MPFS-2026-JUL-PARTIAL'), {
      description: 'the new data set in use',
      timeoutMs: 10_000,
    });
  });

  it('keeps the current data set when the new one cannot be loaded', async () => {
    holder = new RefDataHolder({ dir, fallback: 'strict' });
    const before = await holder.load();
    rewriteManifest((m) => m.tables.push({ ...m.tables[0], file: 'missing.bin.gz' } as never));
    expect(await holder.reloadIfChanged()).toBe(false);
    expect(holder.current).toBe(before);
  });
});
