import { snapshotOf } from '@claimflow/domain';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ImportedTable } from '../import/import-types';
import { MANIFEST_FILE, MANIFEST_FORMAT, type Manifest, type ManifestEntry, type SourceFile } from './manifest';

export interface WriteOptions {
  /** Entries of the folder to keep beside the new tables (a merge); a new table replaces its dataset's release of the same id. */
  readonly keep?: readonly ManifestEntry[];
  /** Provenance of each new table. */
  readonly sourcesOf?: (t: ImportedTable) => readonly SourceFile[];
}

/** Source rows (add-on pairs, not add-on codes); PTP tables count their rows as size. */
const sizeOf = (t: ImportedTable['table']): number =>
  'rows' in t && Array.isArray(t.rows) ? t.rows.length : 'size' in t && typeof t.size === 'number' ? t.size : 0;

/** Writes each table as gzip'd packed bytes plus a manifest (written last, then stale files go). */
export function writeDataSet(outDir: string, tables: readonly ImportedTable[], source: string, options: WriteOptions = {}): Manifest {
  mkdirSync(outDir, { recursive: true });
  const entries: ManifestEntry[] = [];
  for (const t of tables) {
    const { dataset, table } = t;
    const sources = options.sourcesOf?.(t) ?? [];
    const gz = gzipSync(snapshotOf(dataset, table), { level: 9 });
    const file = `${dataset}.${table.release.id}.bin.gz`;
    writeFileSync(join(outDir, file), gz);
    entries.push({
      dataset,
      release: table.release,
      file,
      bytes: gz.length,
      sha256: createHash('sha256').update(gz).digest('hex'),
      rows: sizeOf(table),
      ...(sources.length ? { sources } : {}),
    });
  }
  const fresh = new Set(entries.map((e) => `${e.dataset}|${e.release.id}`));
  entries.push(...(options.keep ?? []).filter((e) => !fresh.has(`${e.dataset}|${e.release.id}`)));
  entries.sort((a, b) => a.dataset.localeCompare(b.dataset) || a.release.validFrom.localeCompare(b.release.validFrom));
  const manifest: Manifest = { format: MANIFEST_FORMAT, source, tables: entries };
  const tmp = join(outDir, `${MANIFEST_FILE}.tmp`);
  writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n');
  renameSync(tmp, join(outDir, MANIFEST_FILE));
  const keep = new Set([MANIFEST_FILE, ...entries.map((e) => e.file)]);
  for (const name of readdirSync(outDir)) if (name.endsWith('.bin.gz') && !keep.has(name)) rmSync(join(outDir, name));
  return manifest;
}
