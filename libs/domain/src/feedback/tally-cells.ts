import type { PatternCounts } from './build-denial-patterns';
import type { ReportCell } from './report-cells';

/** Sums counter cells (as stored, or straight from reports) into the counts a pattern is built from. */
export function tallyCells(rows: readonly (ReportCell & { readonly count?: number })[]): PatternCounts {
  const sums = new Map<string, Map<string, number>>();
  let total = 0;
  for (const row of rows) {
    const n = row.count ?? 1;
    if (row.dimension === 'total') {
      total += n;
      continue;
    }
    const byValue = sums.get(row.dimension) ?? new Map<string, number>();
    byValue.set(row.value, (byValue.get(row.value) ?? 0) + n);
    sums.set(row.dimension, byValue);
  }
  const list = (dimension: string) => [...(sums.get(dimension) ?? new Map<string, number>())].map(([value, count]) => ({ value, count }));
  return {
    total,
    cells: {
      payer: list('payer'),
      appeal: list('appeal'),
      outcome: list('outcome'),
      carc: list('carc'),
      rarc: list('rarc'),
      cobilled: list('cobilled'),
      edit: list('edit'),
    },
  };
}
