import type { IsoDate } from '../shared/dates';
import { dateKey } from '../shared/dates';
import type { RefDataCatalog, ResolveOptions, TableByDataset } from './catalog';
import type { Dataset, ReleaseInfo } from './release';
import type { AddonEntry, MueEntry, PtpEdit, RvuRow } from './tables';

/** An answer from one release, naming it (and its caveats), or why there is none. */
export type Sourced<T> =
  | { readonly release: string; readonly partial: boolean; readonly notes: readonly string[]; readonly value: T }
  | { readonly release: null; readonly unavailable: string };

export interface CodeLookup {
  readonly code: string;
  readonly date: IsoDate;
  readonly feeSchedule: Sourced<{ conversionFactor: number; rows: readonly RvuRow[] }>;
  readonly mue: Readonly<Record<'practitioner' | 'hospital' | 'dme', Sourced<MueEntry | null>>>;
  readonly addon: Sourced<AddonEntry | null>;
  readonly ptp: Sourced<{ asColumn1: readonly PtpEdit[]; asColumn2: readonly PtpEdit[] }>;
}

function from<D extends Dataset, T>(
  catalog: RefDataCatalog,
  dataset: D,
  date: IsoDate,
  options: ResolveOptions,
  read: (t: TableByDataset[D]) => T,
): Sourced<T> {
  const r = catalog.resolve(dataset, date, options);
  if (!r.ok) return { release: null, unavailable: r.error.message };
  const release: ReleaseInfo = r.value.release;
  return { release: release.id, partial: release.partial, notes: release.notes, value: read(r.value) };
}

/** Everything the reference data says about one code on a date of service. */
export function lookupCode(catalog: RefDataCatalog, code: string, date: IsoDate, options: ResolveOptions = {}): CodeLookup {
  const dos = dateKey(date);
  return {
    code,
    date,
    feeSchedule: from(catalog, 'mpfs-rvu', date, options, (t) => ({ conversionFactor: t.conversionFactor, rows: t.rowsOf(code) })),
    mue: {
      practitioner: from(catalog, 'ncci-mue-practitioner', date, options, (t) => t.get(code) ?? null),
      hospital: from(catalog, 'ncci-mue-hospital', date, options, (t) => t.get(code) ?? null),
      dme: from(catalog, 'ncci-mue-dme', date, options, (t) => t.get(code) ?? null),
    },
    addon: from(catalog, 'ncci-addon', date, options, (t) => t.get(code) ?? null),
    ptp: from(catalog, 'ncci-ptp-practitioner', date, options, (t) => {
      // With --latest the table may not cover the date; judge edits on the release's last covered day.
      const on =
        t.release.validTo && dos > dateKey(t.release.validTo)
          ? dateKey(t.release.validTo)
          : dos < dateKey(t.release.validFrom)
            ? dateKey(t.release.validFrom)
            : dos;
      return { asColumn1: t.asColumn1(code, on), asColumn2: t.asColumn2(code, on) };
    }),
  };
}
