import type { IsoDate } from '../shared/dates';

export type Dataset =
  | 'mpfs-rvu'
  | 'mpfs-gpci'
  | 'mpfs-locco'
  | 'mpfs-anes'
  | 'mpfs-oppscap'
  | 'mpfs-zip5'
  | 'ncci-ptp-practitioner'
  | 'ncci-ptp-hospital'
  | 'ncci-mue-practitioner'
  | 'ncci-mue-hospital'
  | 'ncci-mue-dme'
  | 'ncci-addon';

/** One imported release of one dataset, valid for [validFrom, validTo] inclusive (validTo null = open). */
export interface ReleaseInfo {
  readonly id: string; // e.g. "MPFS-2025-RVU25D", "NCCI-2024Q3"
  readonly dataset: Dataset;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  /** A release built from an excerpt: codes missing from it are unknown to it, not free. */
  readonly partial: boolean;
  /** Caveats every answer drawn from this release must carry (e.g. missing PTP effective dates). */
  readonly notes: readonly string[];
}

export interface SourceRef {
  readonly dataset: Dataset;
  readonly release: string;
  readonly notes?: readonly string[];
}

export function sourceOf(release: ReleaseInfo): SourceRef {
  return release.notes.length
    ? { dataset: release.dataset, release: release.id, notes: release.notes }
    : { dataset: release.dataset, release: release.id };
}
