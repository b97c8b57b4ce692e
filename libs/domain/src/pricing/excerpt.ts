import { nearestComplete } from '../code-view/nearest-release';
import type { RefDataCatalog } from '../refdata/catalog';
import type { ReleaseInfo } from '../refdata/release';
import type { IsoDate } from '../shared/dates';

/** CY2026 for a release covering a calendar year, else the quarter it starts (2026Q3). */
export function releasePeriod(r: ReleaseInfo): string {
  const year = r.validFrom.slice(0, 4);
  if (r.validFrom.endsWith('-01-01') && r.validTo === `${year}-12-31`) return `CY${year}`;
  return `${year}Q${Math.floor((Number(r.validFrom.slice(5, 7)) - 1) / 3) + 1}`;
}

/** "99213 is not in the CY2026 excerpt shipped here (MPFS-2026-JUL-PARTIAL)": never "not in the fee schedule". */
export function notInExcerpt(code: string, release: ReleaseInfo): string {
  return `${code} is not in the ${releasePeriod(release)} excerpt shipped here (${release.id}, a partial fee schedule)`;
}

/** The nearest complete fee schedule to a date, and a date inside it to price on, when one is loaded. */
export function referenceFeeSchedule(catalog: RefDataCatalog, date: IsoDate): { date: IsoDate; release: ReleaseInfo } | undefined {
  const near = nearestComplete(catalog, 'mpfs-rvu', date, '');
  const hit = catalog.resolve('mpfs-rvu', near.date);
  if (!hit.ok || hit.value.release.partial) return undefined;
  return { date: near.date, release: hit.value.release };
}
