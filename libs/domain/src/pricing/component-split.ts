import { rowFeeCents } from './line-rates';
import type { LineWork } from './line-work';
import type { RvuRow } from '../refdata/tables';

export interface ComponentSplit {
  readonly technical: number;
  readonly professional: number;
}

/**
 * One unit of a line split into technical and professional portions, which the diagnostic rules
 * reduce separately. A global row takes its professional share from the code's 26 row.
 */
export function splitUnit(work: LineWork & { row: RvuRow }): ComponentSplit {
  const { row, perUnit } = work;
  if (row.modifier === '26' || row.pctcIndicator === '2') return { technical: 0, professional: perUnit };
  if (row.modifier === 'TC' || row.pctcIndicator === '3') return { technical: perUnit, professional: 0 };
  const pcRow = row.pctcIndicator === '1' ? work.tables.rvu.get(row.hcpcs, '26') : undefined;
  if (!pcRow) return { technical: perUnit, professional: 0 };
  const bilateralShare = work.unitCents === 0 ? 1 : perUnit / work.unitCents;
  const professional = Math.min(perUnit, Math.round(rowFeeCents(pcRow, work.rates) * bilateralShare));
  return { technical: perUnit - professional, professional };
}
