import type { FileKind } from '@claimflow/domain';
import type { ImportOptions } from '../import/import-files';
import type { ImportResult } from '../import/import-types';

export interface BundleSummary {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly description: string;
  readonly members: readonly { name: string; kind: FileKind | null }[];
}

export interface SourcesResult extends ImportResult {
  readonly bundles: readonly BundleSummary[];
  /** Why each skipped file or member was skipped. */
  readonly notes: readonly string[];
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

export interface SourcesOptions extends ImportOptions {
  readonly onProgress?: (p: Progress) => void;
}
