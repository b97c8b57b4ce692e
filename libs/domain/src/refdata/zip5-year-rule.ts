import type { IsoDate } from '../shared/dates';
import type { ReleaseInfo } from './release';
import type { ZipLocality, ZipLocalityTable } from './tables';

/** A year's latest crosswalk, serving that year's dates of service before its own quarter. */
class YearServedZipTable implements ZipLocalityTable {
  constructor(
    readonly release: ReleaseInfo,
    private readonly inner: ZipLocalityTable,
  ) {}
  get size(): number {
    return this.inner.size;
  }
  get(zip5: string): ZipLocality | undefined {
    return this.inner.get(zip5);
  }
}

const views = new WeakMap<ZipLocalityTable, ZipLocalityTable>();

const dayBefore = (date: IsoDate): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The ZIP-to-locality year rule: the fee schedule is set per calendar year, so the crosswalk of a
 * year's latest loaded quarter serves that year's earlier dates when none of its earlier quarters is
 * loaded. `newestFirst` are the loaded crosswalks; returns undefined when none is of the date's year.
 */
export function zip5ForYear(newestFirst: readonly ZipLocalityTable[], date: IsoDate): ZipLocalityTable | undefined {
  const year = date.slice(0, 4);
  const table = newestFirst.find((t) => t.release.validFrom.startsWith(year) && date < t.release.validFrom);
  if (!table) return undefined;
  let view = views.get(table);
  if (!view) {
    const r = table.release;
    view = new YearServedZipTable(
      {
        ...r,
        validFrom: `${year}-01-01`,
        validTo: dayBefore(r.validFrom),
        notes: [
          `ZIP-to-locality crosswalk ${r.id} (the latest of ${year}) was used for a ${year} date of service before ${r.validFrom}: ` +
            `no earlier ${year} quarter is loaded`,
        ],
      },
      table,
    );
    views.set(table, view);
  }
  return view;
}
