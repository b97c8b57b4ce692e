import { CompactPtpTable, detectKind, err, ok, type Result } from '@claimflow/domain';
import { importFile, type PtpGroups } from './import-file';
import type { FileHints, FileSummary, ImportError, ImportedTable, ImportResult } from './import-types';
import { headOf } from './read-source';

/**
 * One all-or-nothing import: files are added one by one (from disk or from a ZIP bundle), the
 * first bad one fails the whole import, and finish() returns the tables only when every file parsed.
 */
export class ImportSession {
  private readonly tables: ImportedTable[] = [];
  private readonly files: FileSummary[] = [];
  private readonly skipped: string[] = [];
  private readonly ptp: PtpGroups = new Map();

  /** Parses one file; an unrecognised file fails when named explicitly, else it is skipped and listed. */
  add(file: string, buf: Buffer, hints: FileHints, explicit: boolean, started = performance.now()): Result<void, ImportError> {
    const kind = detectKind(headOf(buf));
    if (!kind) {
      if (explicit) return err({ code: 'UNRECOGNISED_FILE', file, reason: 'header matches no known CMS reference-data layout' });
      this.skipped.push(file);
      return ok(undefined);
    }
    const r = importFile(file, kind, buf, hints, this.ptp);
    if (!r.ok) return r;
    this.tables.push(...r.value.tables);
    this.files.push({
      file,
      kind,
      dataset: r.value.dataset,
      releases: r.value.releases,
      rows: r.value.rows,
      ms: performance.now() - started,
    });
    return ok(undefined);
  }

  skip(file: string): void {
    this.skipped.push(file);
  }

  finish(): Result<ImportResult, ImportError> {
    const tables = [...this.tables];
    for (const g of this.ptp.values()) tables.push({ dataset: g.dataset, table: new CompactPtpTable(g.release, g.builder.build()) });
    const seen = new Set<string>();
    for (const t of tables) {
      const key = `${t.dataset}|${t.table.release.id}`;
      if (seen.has(key))
        return err({
          code: 'DUPLICATE_RELEASE',
          file: this.files.find((f) => f.releases.includes(t.table.release.id))?.file ?? '',
          reason: `release ${t.table.release.id} of ${t.dataset} comes from more than one file`,
        });
      seen.add(key);
    }
    return ok({ tables, files: this.files, skipped: this.skipped });
  }
}
