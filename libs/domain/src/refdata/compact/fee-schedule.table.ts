import type { ReleaseInfo } from '../release';
import type { FeeScheduleTable, RvuRow } from '../tables';

/** PPRRVU rows by code; a code's rows (global, 26, TC, 53) stay together. */
export class RvuFeeScheduleTable implements FeeScheduleTable {
  private readonly byCode = new Map<string, RvuRow[]>();

  constructor(
    readonly release: ReleaseInfo,
    readonly conversionFactor: number,
    readonly rows: readonly RvuRow[],
  ) {
    for (const row of rows) {
      const list = this.byCode.get(row.hcpcs);
      if (list) list.push(row);
      else this.byCode.set(row.hcpcs, [row]);
    }
  }

  get size(): number {
    return this.rows.length;
  }

  get(hcpcs: string, modifier = ''): RvuRow | undefined {
    return this.byCode.get(hcpcs)?.find((r) => r.modifier === modifier);
  }

  rowsOf(hcpcs: string): readonly RvuRow[] {
    return this.byCode.get(hcpcs) ?? [];
  }
}
