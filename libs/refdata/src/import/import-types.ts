import type { AnyTable, Dataset, FileKind } from '@claimflow/domain';

export type ImportErrorCode =
  'MALFORMED_FILE' | 'UNRECOGNISED_FILE' | 'UNKNOWN_RELEASE' | 'DUPLICATE_RELEASE' | 'READ_FAILED' | 'BAD_BUNDLE' | 'INCOMPLETE_BUNDLE';

export interface ImportError {
  readonly code: ImportErrorCode;
  readonly file: string;
  readonly line?: number;
  readonly reason: string;
}

/** Per-file hints for what the file itself does not say (its year, quarter, or that it is an excerpt). */
export interface FileHints {
  readonly year?: number;
  /** e.g. "2024Q3" */
  readonly quarter?: string;
  readonly partial?: boolean;
  readonly notes?: readonly string[];
}

export interface FileSummary {
  readonly file: string;
  readonly kind: FileKind;
  readonly dataset: Dataset;
  readonly releases: readonly string[];
  readonly rows: number;
  readonly ms: number;
}

export interface ImportedTable {
  readonly dataset: Dataset;
  readonly table: AnyTable;
}

export interface ImportResult {
  readonly tables: readonly ImportedTable[];
  readonly files: readonly FileSummary[];
  /** Files in a directory that are not reference data (READMEs, layouts, unknown formats). */
  readonly skipped: readonly string[];
}
