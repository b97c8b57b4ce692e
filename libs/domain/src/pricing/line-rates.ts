import type { RvuRow } from '../refdata/tables';
import { feeCents } from './money';
import type { CareSetting, GpciBreakdown, RvuBreakdown } from './priced-claim';

/** What turns a row into dollars for one line: locality, conversion factor and setting. */
export interface LineRates {
  readonly gpci: GpciBreakdown;
  readonly conversionFactor: number;
  readonly setting: CareSetting;
}

export function rvusOf(row: RvuRow, setting: CareSetting): RvuBreakdown {
  const pe = setting === 'facility' ? row.facilityPeRvu : row.nonFacilityPeRvu;
  const total = setting === 'facility' ? row.facilityTotal : row.nonFacilityTotal;
  return { work: row.workRvu, pe, mp: row.mpRvu, total };
}

export function isNaIn(row: RvuRow, setting: CareSetting): boolean {
  return setting === 'facility' ? row.facilityNa : row.nonFacilityNa;
}

/** Fee schedule amount of one unit in cents; peShare 0.5 is the therapy reduction. */
export function rowFeeCents(row: RvuRow, rates: LineRates, peShare: 1 | 0.5 = 1): number {
  const r = rvusOf(row, rates.setting);
  return feeCents(
    {
      work: r.work,
      pe: r.pe,
      mp: r.mp,
      gpciWork: rates.gpci.work,
      gpciPe: rates.gpci.pe,
      gpciMp: rates.gpci.mp,
      conversionFactor: rates.conversionFactor,
    },
    peShare,
  );
}
