export interface CountCell {
  readonly value: string;
  readonly count: number;
}

export interface SuppressionInput {
  readonly cells: readonly CountCell[];
  /** Reports in the population the cells describe; it is published, so residuals against it matter. */
  readonly total: number;
  readonly threshold: number;
  readonly maxShown?: number;
  /** Values that may not be shown whatever their count (derivable against another published view). */
  readonly forced?: ReadonlySet<string>;
}

export interface SuppressionResult {
  /** Cells shown with their counts: every one at least the threshold, largest first. */
  readonly shown: readonly CountCell[];
  /** Sum of the counts not shown. */
  readonly folded: number;
  /** The folded cells as one "other" figure, when that figure is itself at least the threshold. */
  readonly other: number | null;
}

const small = (n: number, k: number) => n > 0 && n < k;

/**
 * Small-cell and complementary suppression for one dimension. Cells under the threshold are
 * folded into "other"; then, while the residual (published total minus the shown cells, which
 * anyone can compute) is a small positive number, the smallest shown cell is folded too, so that
 * no figure under the threshold can be worked out by subtraction. For a partition the residual is
 * exactly "other"; for multi-valued dimensions (no published mention total) it bounds it.
 */
export function suppressCells(input: SuppressionInput): SuppressionResult {
  const k = input.threshold;
  const sorted = input.cells.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const shown = sorted.filter((c) => c.count >= k && !input.forced?.has(c.value)).slice(0, input.maxShown ?? Infinity);
  const sum = (cells: readonly CountCell[]) => cells.reduce((s, c) => s + c.count, 0);
  const all = sum(sorted);
  let shownSum = sum(shown);
  while (shown.length > 0 && small(input.total - shownSum, k)) {
    shownSum -= shown.pop()!.count;
  }
  const folded = all - shownSum;
  return { shown, folded, other: folded >= k ? folded : null };
}

/**
 * Values whose count in a filtered view differs from the published unfiltered count by a small
 * positive number: showing both would let anyone subtract and learn a small cell.
 */
export function derivableAgainst(parent: readonly CountCell[], filtered: readonly CountCell[], threshold: number): Set<string> {
  const inFilter = new Map(filtered.map((c) => [c.value, c.count]));
  return new Set(parent.filter((c) => small(c.count - (inFilter.get(c.value) ?? 0), threshold)).map((c) => c.value));
}
