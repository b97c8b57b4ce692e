import type { Dataset, ReleaseInfo } from '@claimflow/domain';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'claimflow-refdata/1';

export interface ManifestEntry {
  readonly dataset: Dataset;
  readonly release: ReleaseInfo;
  /** gzip of a packed snapshot (see libs/domain/src/refdata/compact/snapshot.ts). */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly rows: number;
  /** The downloaded bundles or files the release was imported from, with their sha256 (refdata import/update). */
  readonly sources?: readonly SourceFile[];
}

export interface SourceFile {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Where `refdata update` downloaded it from. */
  readonly url?: string;
}

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly source: string;
  readonly tables: readonly ManifestEntry[];
}
