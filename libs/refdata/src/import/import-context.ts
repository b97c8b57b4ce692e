import {
  noteSubset,
  PtpBuilder,
  type Dataset,
  type FileKind,
  type ParseError,
  type ReleaseInfo,
  type Result,
  err,
  ok,
} from '@claimflow/domain';
import { basename, dirname } from 'node:path';
import type { FileHints, ImportError, ImportedTable } from './import-types';
import { quarterFromText, yearFromPath } from './path-hints';
import { bufferLines } from './read-source';

/** PTP rows of one release may come from several files (CMS splits a quarter in four). */
export type PtpGroups = Map<string, { dataset: Dataset; release: ReleaseInfo; builder: PtpBuilder }>;

export interface FileOutcome {
  readonly dataset: Dataset;
  readonly tables: ImportedTable[];
  readonly releases: string[];
  readonly rows: number;
}

export type Imported = Result<FileOutcome, ImportError>;

/** What every importer of one file needs: its lines, what its path and the hints say of its release, and the answers. */
export interface ImportContext {
  readonly file: string;
  readonly kind: FileKind;
  readonly lines: Iterable<string>;
  readonly hints: FileHints;
  readonly ptp: PtpGroups;
  /** Release options: an excerpt is partial, with a note saying so. */
  readonly o: { readonly partial: boolean; readonly notes: readonly string[]; readonly suffix?: string };
  readonly year: number | null | undefined;
  readonly quarter: { year: number; quarter: number } | null;
  readonly bad: (e: ParseError) => Result<never, ImportError>;
  readonly noRelease: (what: string) => Result<never, ImportError>;
  readonly one: (dataset: Dataset, table: ImportedTable['table'], rows: number) => Imported;
}

export function importContext(file: string, kind: FileKind, buf: Buffer, hints: FileHints, ptp: PtpGroups): ImportContext {
  const partial = hints.partial ?? /excerpt|subset/i.test(`${basename(dirname(file))}/${basename(file)}`);
  const notes = hints.notes ?? (partial ? [noteSubset(`built from an excerpt (${basename(file)})`)] : []);
  return {
    file,
    kind,
    lines: bufferLines(buf),
    hints,
    ptp,
    o: { partial, notes, suffix: partial ? 'PARTIAL' : undefined },
    year: hints.year ?? yearFromPath(file),
    quarter: (hints.quarter ? quarterFromText(hints.quarter) : null) ?? quarterFromText(file),
    bad: (e) => err({ code: 'MALFORMED_FILE', file, line: e.line, reason: e.reason }),
    noRelease: (what) => err({ code: 'UNKNOWN_RELEASE', file, reason: `cannot tell the ${what} of this file; pass it as a hint` }),
    one: (dataset, table, rows) => ok({ dataset, tables: [{ dataset, table }], releases: [table.release.id], rows }),
  };
}

export function ptpGroup(groups: PtpGroups, release: ReleaseInfo): { release: ReleaseInfo; builder: PtpBuilder } {
  const key = `${release.dataset}|${release.id}`;
  let g = groups.get(key);
  if (!g) {
    g = { dataset: release.dataset, release, builder: new PtpBuilder() };
    groups.set(key, g);
  }
  return g;
}
