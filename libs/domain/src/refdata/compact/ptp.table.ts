import type { ReleaseInfo } from '../release';
import type { ModifierIndicator, PtpEdit, PtpTable } from '../tables';
import type { PtpColumns } from './ptp.columns';
import { ptpRowInForce } from './ptp.in-force';
import { PtpPairIndex } from './ptp.pair-index';

const MODIFIERS: readonly ModifierIndicator[] = ['0', '1', '', '', '', '', '', '', '', '9'] as ModifierIndicator[];

/** PTP edits over the compact CSR columns; every row is kept, deleted ones included. */
export class CompactPtpTable implements PtpTable {
  private readonly ids: Map<string, number>;
  private byColumn2: { start: Uint32Array; rows: Uint32Array } | null = null;
  // The hot arrays as own fields: find() runs millions of times per second.
  private readonly start: Uint32Array;
  private readonly col2: Uint16Array | Uint32Array;
  private readonly eff: Int32Array;
  private readonly del: Int32Array;
  private readonly pairs: PtpPairIndex;

  constructor(
    readonly release: ReleaseInfo,
    readonly columns: PtpColumns,
  ) {
    this.ids = new Map(columns.codes.map((c, i) => [c, i]));
    this.start = columns.start;
    this.col2 = columns.column2;
    this.eff = columns.effective;
    this.del = columns.deletion;
    this.pairs = new PtpPairIndex(columns);
  }

  get size(): number {
    return this.columns.column2.length;
  }

  find(column1: string, column2: string, dos: number): PtpEdit | undefined {
    const a = this.ids.get(column1);
    const b = this.ids.get(column2);
    if (a === undefined || b === undefined) return undefined;
    const first = this.pairs.firstRow(a, b);
    if (first < 0) return undefined;
    const { start, col2, eff, del } = this;
    let hit = -1;
    // Rows of a pair are in effective-date order, so the last one in force is the newest.
    for (let k = first; k < start[a + 1] && col2[k] === b; k++) if (ptpRowInForce(eff[k], del[k], dos)) hit = k;
    return hit < 0 ? undefined : this.edit(a, hit);
  }

  asColumn1(code: string, dos: number): PtpEdit[] {
    const a = this.ids.get(code);
    if (a === undefined) return [];
    const out: PtpEdit[] = [];
    const { start, effective, deletion } = this.columns;
    for (let k = start[a]; k < start[a + 1]; k++) if (ptpRowInForce(effective[k], deletion[k], dos)) out.push(this.edit(a, k));
    return out;
  }

  asColumn2(code: string, dos: number): PtpEdit[] {
    const b = this.ids.get(code);
    if (b === undefined) return [];
    const index = this.column2Index();
    const out: PtpEdit[] = [];
    const { effective, deletion } = this.columns;
    for (let j = index.start[b]; j < index.start[b + 1]; j++) {
      const k = index.rows[j];
      if (ptpRowInForce(effective[k], deletion[k], dos)) out.push(this.edit(this.column1Of(k), k));
    }
    return out;
  }

  /** Every row of the pair, deleted ones included, oldest first. */
  history(column1: string, column2: string): PtpEdit[] {
    const a = this.ids.get(column1);
    const b = this.ids.get(column2);
    if (a === undefined || b === undefined) return [];
    const out: PtpEdit[] = [];
    for (let k = this.columns.start[a]; k < this.columns.start[a + 1]; k++) if (this.columns.column2[k] === b) out.push(this.edit(a, k));
    return out;
  }

  private edit(a: number, k: number): PtpEdit {
    const c = this.columns;
    return {
      column1: c.codes[a],
      column2: c.codes[c.column2[k]],
      effective: c.effective[k] || null,
      deletion: c.deletion[k] || null,
      modifierIndicator: MODIFIERS[c.modifier[k]],
      rationale: c.rationales[c.rationale[k]],
    };
  }

  private column1Of(k: number): number {
    const start = this.columns.start;
    let lo = 0;
    let hi = start.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (start[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Built on first use: a counting sort of row numbers by column-2 id. */
  private column2Index(): { start: Uint32Array; rows: Uint32Array } {
    if (this.byColumn2) return this.byColumn2;
    const { codes, column2 } = this.columns;
    const start = new Uint32Array(codes.length + 1);
    for (let k = 0; k < column2.length; k++) start[column2[k] + 1]++;
    for (let i = 0; i < codes.length; i++) start[i + 1] += start[i];
    const fill = start.slice(0, codes.length);
    const rows = new Uint32Array(column2.length);
    for (let k = 0; k < column2.length; k++) rows[fill[column2[k]]++] = k;
    this.byColumn2 = { start, rows };
    return this.byColumn2;
  }
}
