import type { PtpColumns } from './ptp.columns';

/**
 * Open-addressing hash of (column-1 id, column-2 id) -> first row of the pair. A slot holds only the
 * row; the pair is confirmed from the CSR columns themselves (the row lies in column 1's run and
 * has that column 2), so the index costs 4 bytes a slot. A lookup touches a few cache lines
 * instead of binary-searching a column-1 run, which is where random pair lookups spent their time.
 */
export class PtpPairIndex {
  private readonly slots: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(private readonly columns: PtpColumns) {
    let pairs = 0;
    forEachPair(columns, () => pairs++);
    const bits = Math.max(4, Math.ceil(Math.log2(pairs / 0.7)));
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.slots = new Int32Array(1 << bits).fill(-1);
    forEachPair(columns, (a, k) => this.insert(a, columns.column2[k], k));
  }

  /** First row of the pair, or -1. */
  firstRow(a: number, b: number): number {
    const { slots, mask } = this;
    const { start, column2 } = this.columns;
    const lo = start[a];
    const hi = start[a + 1];
    for (let i = slotOf(a, b, this.shift); ; i = (i + 1) & mask) {
      const row = slots[i];
      if (row === -1) return -1;
      if (row >= lo && row < hi && column2[row] === b) return row;
    }
  }

  private insert(a: number, b: number, row: number): void {
    const { slots, mask } = this;
    let i = slotOf(a, b, this.shift);
    while (slots[i] !== -1) i = (i + 1) & mask;
    slots[i] = row;
  }
}

const slotOf = (a: number, b: number, shift: number) => Math.imul(Math.imul(a, 0x85ebca6b) ^ b, 0x9e3779b1) >>> shift;

/** Calls back once per pair with its column-1 id and first row (rows of a pair are adjacent). */
function forEachPair({ start, column2 }: PtpColumns, each: (a: number, k: number) => void): void {
  for (let a = 0; a + 1 < start.length; a++) {
    for (let k = start[a]; k < start[a + 1]; k++) if (k === start[a] || column2[k] !== column2[k - 1]) each(a, k);
  }
}
