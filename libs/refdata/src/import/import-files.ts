import { CompactPtpTable, detectKind, err, ok, type Result } from '@claimflow/domain';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importFile, type PtpGroups } from './import-file';
import type { FileHints, FileSummary, ImportError, ImportedTable, ImportResult } from './import-types';
import { headOf, readSource } from './read-source';

export interface ImportOptions {
  /** Hints for every file, or per resolved file path. */
  readonly hints?: FileHints | ((file: string) => FileHints);
}

function expand(paths: readonly string[]): { file: string; explicit: boolean }[] {
  const out: { file: string; explicit: boolean }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ file: p, explicit: false });
    }
  };
  for (const p of paths.map((x) => resolve(x))) {
    if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) walk(p);
    else out.push({ file: p, explicit: true });
  }
  return out;
}

/**
 * Reads files and directories into tables, all or nothing: the first malformed file fails the
 * whole import (naming file, line and reason) and nothing is returned to replace what is loaded.
 * Files found in directories that are not reference data are skipped and listed.
 */
export function importFiles(paths: readonly string[], options: ImportOptions = {}): Result<ImportResult, ImportError> {
  const tables: ImportedTable[] = [];
  const files: FileSummary[] = [];
  const skipped: string[] = [];
  const ptp: PtpGroups = new Map();
  for (const { file, explicit } of expand(paths)) {
    const started = performance.now();
    let buf: Buffer;
    try {
      buf = readSource(file);
    } catch (e) {
      return err({ code: 'READ_FAILED', file, reason: (e as Error).message });
    }
    const kind = detectKind(headOf(buf));
    if (!kind) {
      if (explicit) return err({ code: 'UNRECOGNISED_FILE', file, reason: 'header matches no known CMS reference-data layout' });
      skipped.push(file);
      continue;
    }
    const hints = typeof options.hints === 'function' ? options.hints(file) : (options.hints ?? {});
    const r = importFile(file, kind, buf, hints, ptp);
    if (!r.ok) return r;
    tables.push(...r.value.tables);
    files.push({ file, kind, dataset: r.value.dataset, releases: r.value.releases, rows: r.value.rows, ms: performance.now() - started });
  }
  for (const g of ptp.values()) tables.push({ dataset: g.dataset, table: new CompactPtpTable(g.release, g.builder.build()) });
  const seen = new Set<string>();
  for (const t of tables) {
    const key = `${t.dataset}|${t.table.release.id}`;
    if (seen.has(key))
      return err({
        code: 'DUPLICATE_RELEASE',
        file: files.find((f) => f.releases.includes(t.table.release.id))?.file ?? '',
        reason: `release ${t.table.release.id} of ${t.dataset} comes from more than one file`,
      });
    seen.add(key);
  }
  return ok({ tables, files, skipped });
}
