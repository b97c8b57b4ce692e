import {
  bySize,
  distinctContributors,
  groupRecords,
  roundCount,
  safeResidual,
  shownGroups,
  thresholdOf,
  type RecordGroup,
} from '../publication';
import type { AppealsView, DimensionView, ItemView, PublishedPatterns } from './denial-patterns.view';
import { ALL_VIEW, publishableViews, viewKey, VIEW_FAMILIES, type PublishableReport, type ViewFamily } from './pattern-lattice';
import { distinctStrategies } from './strategy-key';

export interface PublishSettings {
  /** k: distinct reporters every published figure needs (at least 5). */
  readonly threshold: number;
  /** Counts are rounded to a multiple of this (5) with the cell-key method (libs/domain publication). */
  readonly rounding: number;
  readonly maxItems?: number;
  readonly maxStrategies?: number;
}

type Dim = 'payer' | 'appeal' | 'outcome' | 'carc' | 'rarc' | 'cobilled' | 'edit';
const DIMS: readonly Dim[] = ['payer', 'appeal', 'outcome', 'carc', 'rarc', 'cobilled', 'edit'];
/** Single-valued dimensions: what the shown values leave over is "total minus shown", so it must be safe too. */
const PARTITIONS: ReadonlySet<Dim> = new Set(['payer', 'appeal', 'outcome']);

interface View {
  readonly key: string;
  readonly family: ViewFamily | null;
  readonly value: string;
  readonly records: readonly PublishableReport[];
}
type Group = RecordGroup<PublishableReport>;
type Shown = Map<Dim, { readonly groups: readonly Group[]; readonly shown: readonly Group[] }>;

const valuesOf = (r: PublishableReport, dim: Dim) => r.cells.filter((c) => c.dimension === dim).map((c) => c.value);

/**
 * The values of one dimension a view may show (the shared rules of libs/domain publication): k
 * distinct reporters each; the reports without the value (view minus value, anyone can subtract)
 * none or k reporters; for single-valued dimensions, also the reports of every value not shown
 * together; never a value forced hidden by the lattice.
 */
function shownValues(base: readonly PublishableReport[], dim: Dim, k: number, hidden: ReadonlySet<string>, max: number) {
  const groups = groupRecords(base, (r) => valuesOf(r, dim));
  return { groups, shown: shownGroups(base, groups, k, { partition: PARTITIONS.has(dim), complement: true, hidden, max }) };
}

function dimensionsOf(view: View, k: number, forced: Map<string, Set<string>>, maxItems: number): Shown {
  const out: Shown = new Map();
  const hidden = (dim: Dim) => forced.get(`${view.key}|${dim}`) ?? new Set<string>();
  for (const dim of DIMS) {
    if (dim === 'outcome') continue;
    out.set(dim, shownValues(view.records, dim, k, hidden(dim), maxItems));
  }
  const filed = out.get('appeal')!.shown.find((g) => g.value === 'filed');
  if (filed) out.set('outcome', shownValues(filed.records, 'outcome', k, hidden('outcome'), maxItems));
  return out;
}

/**
 * Complementary suppression over the lattice: for each family of views (which partitions the
 * whole) and each value the whole shows, the reports with that value outside the views that show
 * it can be worked out by subtraction; while they are not safe, the value is hidden in the view
 * that shows it with the fewest reporters. Repeats until nothing changes (hiding only grows).
 */
function latticeDimensions(views: readonly View[], k: number, maxItems: number): Map<string, Shown> {
  const forced = new Map<string, Set<string>>();
  for (;;) {
    const shown = new Map(views.map((v) => [v.key, dimensionsOf(v, k, forced, maxItems)]));
    let changed = false;
    const whole = shown.get(ALL_VIEW)!;
    for (const family of Object.keys(VIEW_FAMILIES) as ViewFamily[]) {
      const children = views.filter((v) => v.family === family);
      for (const dim of DIMS) {
        for (const g of whole.get(dim)?.shown ?? []) {
          const showing = children
            .map((c) => ({
              c,
              group: shown
                .get(c.key)!
                .get(dim)
                ?.shown.find((x) => x.value === g.value),
            }))
            .filter((x): x is { c: View; group: Group } => x.group !== undefined);
          const covered = new Set(showing.map((x) => x.c.value));
          const remainder = g.records.filter((r) => !covered.has(VIEW_FAMILIES[family](r)));
          if (safeResidual(remainder, k) || showing.length === 0) continue;
          const smallest = showing.sort((a, b) => bySize({ ...a.group, value: a.c.key }, { ...b.group, value: b.c.key }))[0];
          const key = `${smallest.c.key}|${dim}`;
          forced.set(key, new Set([...(forced.get(key) ?? []), g.value]));
          changed = true;
        }
      }
    }
    if (!changed) return shown;
  }
}

const share = (n: number, of: number) => Math.min(1, Math.round((n / of) * 1000) / 1000);

function render(view: View, dims: Shown, s: PublishSettings): PublishedPatterns {
  const total = roundCount(view.records, s.rounding);
  const item = (g: Group, of: number): ItemView => {
    const reports = roundCount(g.records, s.rounding);
    return { value: g.value, reports, share: share(reports, of) };
  };
  const dimension = (dim: Dim, of = total): DimensionView => {
    const d = dims.get(dim);
    if (!d) return { items: [], suppressed: false };
    return { items: d.shown.map((g) => item(g, of)), suppressed: d.shown.length < d.groups.length };
  };
  const appealItems = dimension('appeal').items;
  const filed = appealItems.find((i) => i.value === 'filed') ?? null;
  const notFiled = appealItems.find((i) => i.value === 'not-filed') ?? null;
  const outcomes = filed ? dimension('outcome', filed.reports) : null;
  const count = (v: string) => outcomes?.items.find((i) => i.value === v)?.reports;
  const [overturned, upheld] = [count('overturned'), count('upheld')];
  const appeals: AppealsView = {
    filed,
    notFiled,
    appealRate: filed ? filed.share : null,
    outcomes,
    overturnRate: overturned !== undefined && upheld !== undefined ? share(overturned, overturned + upheld) : null,
  };
  const newestFirst = [...view.records].sort((a, b) => b.order - a.order);
  const texts = newestFirst.map((r) => r.whatWorked).filter((t): t is string => !!t);
  return {
    reports: total,
    denialReasons: { carc: dimension('carc'), rarc: dimension('rarc') },
    payerTypes: dimension('payer'),
    appeals,
    strategies: distinctStrategies(texts, s.maxStrategies ?? 10),
    coBilledCodes: dimension('cobilled'),
    claimflowEdits: dimension('edit'),
  };
}

/**
 * Every view of one code's lattice that may be published, by view key ("all", "state:PA", ...):
 * views with fewer than k distinct reporters, or whose complement in their family would have, are
 * absent; within each, values are suppressed likewise (and across the lattice); every count is
 * rounded. Free text appears only in the view it belongs to, which has k distinct reporters.
 */
export function publishPatterns(reports: readonly PublishableReport[], s: PublishSettings): Map<string, PublishedPatterns> {
  if (s.threshold !== thresholdOf(s.threshold) || s.rounding < 1)
    throw new Error('publication needs a threshold of at least 5 and a rounding base');
  if (distinctContributors(reports) < s.threshold) return new Map();
  const views: View[] = [{ key: ALL_VIEW, family: null, value: '', records: reports }];
  for (const family of Object.keys(VIEW_FAMILIES) as ViewFamily[])
    for (const g of publishableViews(reports, family, s.threshold))
      views.push({ key: viewKey({ family, value: g.value }), family, value: g.value, records: g.records });
  const dims = latticeDimensions(views, s.threshold, s.maxItems ?? 10);
  return new Map(views.map((v) => [v.key, render(v, dims.get(v.key)!, s)]));
}
