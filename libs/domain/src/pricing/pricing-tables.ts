import type { RefDataCatalog, TableByDataset } from '../refdata/catalog';
import type { Dataset } from '../refdata/release';
import type { AddonTable, FeeScheduleTable, GpciTable, OppsCapTable, ZipLocalityTable } from '../refdata/tables';
import type { IsoDate } from '../shared/dates';
import { err, ok, type Result } from '../shared/result';
import type { LineReleases } from './line-finish';
import type { LocalitySource } from './priced-claim';
import { pricingError, type PricingError } from './pricing-error';
import type { PricingOptions } from './pricing-options';

/** The reference tables a date of service is priced with. */
export interface PricingTables {
  readonly date: IsoDate;
  readonly rvu: FeeScheduleTable;
  readonly gpci: GpciTable;
  readonly zip?: ZipLocalityTable;
  readonly oppsCap?: OppsCapTable;
  readonly addon?: AddonTable;
  readonly notes: readonly string[];
  /** Release ids a priced line names, by where its locality came from. */
  readonly releases: Readonly<Record<LocalitySource, LineReleases>>;
}

function releaseIds(
  rvu: FeeScheduleTable,
  gpci: GpciTable,
  zip?: ZipLocalityTable,
  oppsCap?: OppsCapTable,
): Record<LocalitySource, LineReleases> {
  const make = (ids: string[]): LineReleases => ({ facility: ids, nonFacility: oppsCap ? [...ids, oppsCap.release.id] : ids });
  const base = [rvu.release.id, gpci.release.id];
  const national = make(base);
  return { claim: national, national, zip: zip ? make([...base, zip.release.id]) : national };
}

/**
 * Resolves one dataset. Caveats (fallback to the newest release, partial release, release notes)
 * go to notes; optional tables leave their release notes to where they are used.
 */
function resolve<D extends Dataset>(
  catalog: RefDataCatalog,
  dataset: D,
  date: IsoDate,
  latest: boolean,
  notes: string[],
  caveats: boolean,
): TableByDataset[D] | undefined {
  const found = catalog.resolve(dataset, date, { latest });
  if (!found.ok) return undefined;
  const r = found.value.release;
  if (date < r.validFrom || (r.validTo !== null && date > r.validTo))
    notes.push(`No ${dataset} release is in force on ${date}; the newest loaded release ${r.id} was used instead.`);
  if (caveats && r.partial) notes.push(`${r.id} is a partial release: codes missing from it are unknown to it, not free.`);
  if (caveats && r.notes.length) notes.push(...r.notes);
  return found.value;
}

export function pricingTablesFor(
  catalog: RefDataCatalog,
  date: IsoDate,
  options: PricingOptions = {},
): Result<PricingTables, PricingError> {
  const latest = options.refdataFallback === 'latest';
  const notes: string[] = [];
  const missing = (dataset: Dataset) => {
    const found = catalog.resolve(dataset, date, { latest });
    return err(
      pricingError('NO_RELEASE_IN_FORCE', found.ok ? `No ${dataset} release for ${date}.` : found.error.message, { dataset, date }),
    );
  };
  const rvu = resolve(catalog, 'mpfs-rvu', date, latest, notes, true);
  if (!rvu) return missing('mpfs-rvu');
  const gpci = resolve(catalog, 'mpfs-gpci', date, latest, notes, true);
  if (!gpci) return missing('mpfs-gpci');
  // Optional: without them the ZIP route, the OPPS cap and the add-on list are unavailable.
  const oppsCap = resolve(catalog, 'mpfs-oppscap', date, latest, notes, false);
  if (!oppsCap) notes.push(`No OPPS cap release for ${date}: the OPPS imaging cap was not checked.`);
  const zip = resolve(catalog, 'mpfs-zip5', date, latest, notes, false);
  const addon = resolve(catalog, 'ncci-addon', date, latest, notes, false);
  return ok({ date, rvu, gpci, zip, oppsCap, addon, notes, releases: releaseIds(rvu, gpci, zip, oppsCap) });
}
