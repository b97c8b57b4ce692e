import type { PricingLine } from '../claim/pricing-claim';
import type { RvuRow } from '../refdata/tables';
import type { LineRates } from './line-rates';
import { ratio, toDollars } from './money';
import type { Adjustment, AdjustmentKind, LineStatus } from './priced-claim';
import type { PricingTables } from './pricing-tables';

/** A line on its way through pricing; amounts in cents. Internal to priceClaim. */
export interface LineWork {
  readonly index: number;
  readonly line: PricingLine;
  readonly provider: string;
  readonly tables: PricingTables;
  readonly rates: LineRates;
  row?: RvuRow;
  unitCents: number;
  /** One unit after the bilateral adjustment: what the multiple procedure rules rank. */
  perUnit: number;
  amount: number;
  adjustments: Adjustment[];
  status: LineStatus;
  reason?: string;
  deniedBy?: readonly string[];
}

export function adjust(work: LineWork, kind: AdjustmentKind, description: string, after: number): void {
  work.adjustments.push({
    kind,
    description,
    factor: ratio(after, work.amount),
    amountBefore: toDollars(work.amount),
    amountAfter: toDollars(after),
  });
  work.amount = after;
}

export function isPriced(work: LineWork): work is LineWork & { row: RvuRow } {
  return work.status === 'priced' && work.row !== undefined;
}

/** Add-on codes (global days ZZZ, or listed in the NCCI add-on table) are exempt from multiple procedure rules. */
export function isAddon(work: LineWork): boolean {
  return work.row?.globalDays === 'ZZZ' || work.tables.addon?.get(work.line.code) !== undefined;
}
