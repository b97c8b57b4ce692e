import type { FeeScheduleTable, RvuRow } from '../refdata/tables';
import { err, ok, type Result } from '../shared/result';
import { notInExcerpt, releasePeriod } from './excerpt';
import type { LineStatus } from './priced-claim';

export interface Unpriceable {
  readonly status: Extract<LineStatus, 'not-payable' | 'no-price'>;
  readonly reason: string;
}

/** Modifier 26 and TC price from their own rows; 53 from its row when CMS publishes one; else the global row. */
export function selectRow(table: FeeScheduleTable, code: string, modifiers: readonly string[]): Result<RvuRow, Unpriceable> {
  const pc = modifiers.includes('26');
  const tc = modifiers.includes('TC');
  if (pc && tc) return err({ status: 'not-payable', reason: 'Modifiers 26 and TC together: bill the global code instead.' });
  const component = pc ? '26' : tc ? 'TC' : modifiers.includes('53') && table.get(code, '53') ? '53' : '';
  const row = table.get(code, component);
  if (row) return ok(row);
  if (!table.get(code, '') && table.rowsOf(code).length === 0) {
    const reason = table.release.partial
      ? `${notInExcerpt(code, table.release)}: no ${releasePeriod(table.release)} price, not a zero one.`
      : `${code} is not in fee schedule ${table.release.id}.`;
    return err({ status: 'no-price', reason });
  }
  return err({
    status: 'not-payable',
    reason: `${code} has no ${component} row in ${table.release.id}: the professional/technical split does not apply to it.`,
  });
}
