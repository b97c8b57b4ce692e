import type { Dataset, ReleaseInfo } from './release';

export interface ReleaseOptions {
  readonly partial?: boolean;
  readonly notes?: readonly string[];
  /** Appended to the id, e.g. "SUBSET". */
  readonly suffix?: string;
}

const withSuffix = (id: string, o: ReleaseOptions): string => (o.suffix ? `${id}-${o.suffix}` : id);

/** Fee-schedule files are valid for their calendar year. */
export function calendarYearRelease(dataset: Dataset, id: string, year: number, o: ReleaseOptions = {}): ReleaseInfo {
  return {
    id: withSuffix(id, o),
    dataset,
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
    partial: o.partial ?? false,
    notes: o.notes ?? [],
  };
}

const QUARTER_START = ['01-01', '04-01', '07-01', '10-01'];
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/** NCCI files are valid for their quarter. */
export function quarterRelease(dataset: Dataset, year: number, quarter: number, o: ReleaseOptions = {}): ReleaseInfo {
  return {
    id: withSuffix(`NCCI-${year}Q${quarter}`, o),
    dataset,
    validFrom: `${year}-${QUARTER_START[quarter - 1]}`,
    validTo: `${year}-${QUARTER_END[quarter - 1]}`,
    partial: o.partial ?? false,
    notes: o.notes ?? [],
  };
}

/**
 * A ZIP5 crosswalk names one quarter (YYYYQ) but stays the best answer until CMS publishes the
 * next one, so it is open-ended; the catalog prefers the newest release whose start has passed.
 */
export function zip5Release(yearQuarter: number): ReleaseInfo {
  const year = Math.floor(yearQuarter / 10);
  const q = yearQuarter % 10;
  return {
    id: `ZIP5-${year}Q${q}`,
    dataset: 'mpfs-zip5',
    validFrom: `${year}-${QUARTER_START[q - 1]}`,
    validTo: null,
    partial: false,
    notes: [`ZIP5 file of ${year}Q${q}, used from ${year}-${QUARTER_START[q - 1]} until a newer ZIP5 release is loaded`],
  };
}

export const NOTE_NO_PTP_EFFECTIVE_DATES =
  'PTP effective dates are missing from this release (northstar conversion of the 2024Q3 file): every active edit is treated as in force for the whole quarter';

export const noteSubset = (what: string): string =>
  `Partial release: ${what}; codes or pairs missing from it are unknown to this release, not free`;
