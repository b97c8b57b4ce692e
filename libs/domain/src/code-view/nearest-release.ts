import type { RefDataCatalog } from '../refdata/catalog';
import type { Dataset } from '../refdata/release';
import type { IsoDate } from '../shared/dates';

export interface DatasetDate {
  readonly date: IsoDate;
  /** Set when no release is in force on the asked date and a neighbour stands in. */
  readonly note?: string;
}

/**
 * The date to read a dataset on. When no release covers the date, the nearest complete release
 * answers (a partial subset would show a code as free of edits when it is merely absent).
 */
export function datasetDate(catalog: RefDataCatalog, dataset: Dataset, date: IsoDate): DatasetDate {
  const releases = catalog.releases(dataset);
  if (releases.some((r) => r.validFrom <= date && (r.validTo === null || date <= r.validTo))) return { date };
  return nearestComplete(catalog, dataset, date, `No ${dataset} release is in force on ${date}`);
}

/** The complete release nearest to the date (the newest release when none is complete), and why it stands in. */
export function nearestComplete(catalog: RefDataCatalog, dataset: Dataset, date: IsoDate, why: string): DatasetDate {
  const releases = catalog.releases(dataset);
  const complete = releases.filter((r) => !r.partial);
  const pool = complete.length ? complete : releases;
  if (pool.length === 0) return { date };
  const distance = (from: string, to: string | null) =>
    date < from ? Date.parse(from) - Date.parse(date) : Date.parse(date) - Date.parse(to ?? date);
  const best = [...pool].sort((a, b) => distance(a.validFrom, a.validTo) - distance(b.validFrom, b.validTo))[0];
  const inside = date < best.validFrom ? best.validFrom : (best.validTo ?? date);
  return {
    date: inside,
    note: `${why}; showing ${best.id} (${best.validFrom} to ${best.validTo ?? 'open'}), the nearest complete release.`,
  };
}
