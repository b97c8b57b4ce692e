import { err, ok, type Result } from '../shared/result';
import type { IsoDate } from '../shared/dates';
import type { Dataset, ReleaseInfo } from './release';
import { zip5ForYear } from './zip5-year-rule';
import type {
  AddonTable,
  AnesthesiaTable,
  FeeScheduleTable,
  GpciTable,
  MueTable,
  OppsCapTable,
  PtpTable,
  ZipLocalityTable,
} from './tables';

export interface TableByDataset {
  'mpfs-rvu': FeeScheduleTable;
  'mpfs-gpci': GpciTable;
  'mpfs-locco': { readonly release: ReleaseInfo };
  'mpfs-anes': AnesthesiaTable;
  'mpfs-oppscap': OppsCapTable;
  'mpfs-zip5': ZipLocalityTable;
  'ncci-ptp-practitioner': PtpTable;
  'ncci-ptp-hospital': PtpTable;
  'ncci-mue-practitioner': MueTable;
  'ncci-mue-hospital': MueTable;
  'ncci-mue-dme': MueTable;
  'ncci-addon': AddonTable;
}

export type RefDataErrorCode = 'NO_RELEASE_IN_FORCE';

export interface RefDataError {
  readonly code: RefDataErrorCode;
  readonly dataset: Dataset;
  readonly date: IsoDate;
  readonly message: string;
  readonly available: readonly { id: string; validFrom: IsoDate; validTo: IsoDate | null }[];
}

export interface ResolveOptions {
  /** Use the newest release when none is in force on the date (the caller must ask for it). */
  readonly latest?: boolean;
}

/** A release of a dataset as loaded, for listing, status and diffs. */
export interface LoadedRelease<D extends Dataset = Dataset> {
  readonly release: ReleaseInfo;
  readonly table: TableByDataset[D];
}

/**
 * Every loaded release of every dataset, side by side; a lookup names a date of service and
 * gets the release in force then, or a clear error.
 */
export class RefDataCatalog {
  private readonly byDataset = new Map<Dataset, { release: ReleaseInfo; table: unknown }[]>();

  add<D extends Dataset>(dataset: D, table: TableByDataset[D]): this {
    const list = this.byDataset.get(dataset) ?? [];
    const others = list.filter((e) => e.release.id !== table.release.id);
    others.push({ release: table.release, table });
    // Newest first, so that an overlap resolves to the most recent release.
    others.sort((a, b) => b.release.validFrom.localeCompare(a.release.validFrom));
    this.byDataset.set(dataset, others);
    return this;
  }

  releases(dataset?: Dataset): ReleaseInfo[] {
    const lists = dataset ? [this.byDataset.get(dataset) ?? []] : [...this.byDataset.values()];
    return lists.flat().map((e) => e.release);
  }

  /** The loaded release of a dataset by its id. */
  release<D extends Dataset>(dataset: D, id: string): LoadedRelease<D> | undefined {
    const hit = (this.byDataset.get(dataset) ?? []).find((e) => e.release.id === id);
    return hit ? { release: hit.release, table: hit.table as TableByDataset[D] } : undefined;
  }

  datasets(): Dataset[] {
    return [...this.byDataset.keys()];
  }

  resolve<D extends Dataset>(dataset: D, date: IsoDate, options: ResolveOptions = {}): Result<TableByDataset[D], RefDataError> {
    const list = this.byDataset.get(dataset) ?? [];
    const hit = list.find((e) => e.release.validFrom <= date && (e.release.validTo === null || date <= e.release.validTo));
    if (hit) return ok(hit.table as TableByDataset[D]);
    if (dataset === 'mpfs-zip5') {
      const served = zip5ForYear(
        list.map((e) => e.table as ZipLocalityTable),
        date,
      );
      if (served) return ok(served as TableByDataset[D]);
    }
    if (options.latest && list.length > 0) return ok(list[0].table as TableByDataset[D]);
    return err({
      code: 'NO_RELEASE_IN_FORCE',
      dataset,
      date,
      message: noReleaseInForce(
        dataset,
        date,
        list.map((e) => e.release.id),
      ),
      available: list.map((e) => ({ id: e.release.id, validFrom: e.release.validFrom, validTo: e.release.validTo })),
    });
  }
}

/** Why a lookup found nothing: no release of the dataset in force on the date, and which are loaded. */
export function noReleaseInForce(dataset: Dataset, date: string, loaded: readonly string[]): string {
  return `No ${dataset} release is in force on ${date}` + (loaded.length ? ` (loaded: ${loaded.join(', ')})` : ' (none loaded)');
}
