import type { Dimension } from './report-cells';
import { derivableAgainst, suppressCells, type CountCell } from './suppress-cells';
import type { AppealsView, DenialPatternsAnswer, DimensionView, ItemView, PatternFilters } from './denial-patterns.view';

/** Report counts for one code (and filter): the total and every dimension's cells. */
export interface PatternCounts {
  readonly total: number;
  readonly cells: Readonly<Record<Exclude<Dimension, 'total'>, readonly CountCell[]>>;
}

export interface PatternQuery {
  readonly code: string;
  readonly threshold: number;
  readonly filters: PatternFilters;
  readonly counts: PatternCounts;
  /** The code's unfiltered counts, given when filters apply: the answer must not differ from it by a small number. */
  readonly unfiltered?: PatternCounts;
  readonly strategies: readonly string[];
  readonly maxItems?: number;
}

const share = (n: number, of: number) => Math.round((n / of) * 1000) / 1000;
const small = (n: number, k: number) => n > 0 && n < k;

function dimension(
  q: PatternQuery,
  dim: Exclude<Dimension, 'total'>,
  total: number,
  partition: boolean,
  cells = q.counts.cells[dim],
): DimensionView {
  const parent = q.unfiltered?.cells[dim];
  const forced = parent ? derivableAgainst(parent, cells, q.threshold) : undefined;
  const result = suppressCells({ cells, total, threshold: q.threshold, maxShown: q.maxItems ?? 10, forced });
  const items: ItemView[] = result.shown.map((c) => ({ value: c.value, reports: c.count, share: share(c.count, total) }));
  const other =
    result.other === null ? null : partition ? { reports: result.other, share: share(result.other, total) } : { mentions: result.other };
  return { items, other, suppressed: result.folded > 0 && result.other === null };
}

function appeals(q: PatternQuery, total: number): AppealsView {
  const top = dimension(q, 'appeal', total, true);
  const filed = top.items.find((i) => i.value === 'filed') ?? null;
  const notFiled = top.items.find((i) => i.value === 'not-filed') ?? null;
  if (!filed) return { filed, notFiled, appealRate: null, outcomes: null, overturnRate: null };
  const outcomes = dimension(q, 'outcome', filed.reports, true);
  const count = (v: string) => outcomes.items.find((i) => i.value === v)?.reports;
  const [overturned, upheld] = [count('overturned'), count('upheld')];
  const overturnRate = overturned !== undefined && upheld !== undefined ? share(overturned, overturned + upheld) : null;
  return { filed, notFiled, appealRate: filed.share, outcomes, overturnRate };
}

/**
 * The published answer for one code: the threshold answer while too few reports match (or while
 * the filters would single out, or leave out, fewer than the threshold), else every dimension
 * with small and derivable cells suppressed.
 */
export function buildDenialPatterns(q: PatternQuery): DenialPatternsAnswer {
  const { code, threshold, filters } = q;
  const base = { code, threshold, filters };
  const overall = q.unfiltered?.total ?? q.counts.total;
  if (overall < threshold) {
    const reportsNeeded = threshold - overall;
    return {
      status: 'insufficient',
      ...base,
      reportsNeeded,
      message: `${reportsNeeded} more report(s) needed before patterns are shown for ${code}`,
    };
  }
  const total = q.counts.total;
  if (total < threshold || (q.unfiltered && small(q.unfiltered.total - total, threshold))) {
    return {
      status: 'insufficient',
      ...base,
      reportsNeeded: null,
      message: `these filters select too few reports (or leave too few out) to show; widen them`,
    };
  }
  return {
    status: 'ok',
    ...base,
    reports: total,
    denialReasons: { carc: dimension(q, 'carc', total, false), rarc: dimension(q, 'rarc', total, false) },
    payerTypes: dimension(q, 'payer', total, true),
    appeals: appeals(q, total),
    strategies: q.strategies,
    coBilledCodes: dimension(q, 'cobilled', total, false),
    claimflowEdits: dimension(q, 'edit', total, false),
  };
}
