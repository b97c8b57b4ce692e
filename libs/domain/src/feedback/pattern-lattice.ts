import type { ReportCell } from './report-cells';

/** One stored report as the publisher sees it: who (a keyed hash), where, when, and its counter cells. */
export interface PublishableReport {
  /** Keyed hash of the reporter; every report of one reporter carries the same one. */
  readonly reporter: string;
  /** A secret pseudo-random number in [0, 1) fixed per report (the "record key" of the cell-key method). */
  readonly recordKey: number;
  readonly payerType: string;
  readonly state: string;
  /** YYYYMM */
  readonly month: number;
  readonly cells: readonly ReportCell[];
  readonly whatWorked: string | null;
  /** Larger is newer (insertion order). */
  readonly order: number;
}

/** The fixed lattice: the whole code, and one filter dimension at a time. Each family partitions the whole. */
export const VIEW_FAMILIES = {
  payerType: (r: PublishableReport) => r.payerType,
  state: (r: PublishableReport) => r.state,
  year: (r: PublishableReport) => String(Math.floor(r.month / 100)),
} as const;
export type ViewFamily = keyof typeof VIEW_FAMILIES;

export const ALL_VIEW = 'all';

/** "all", "payerType:medicaid", "state:PA", "year:2026". */
export function viewKey(filter: { readonly family: ViewFamily; readonly value: string } | null): string {
  return filter ? `${filter.family}:${filter.value}` : ALL_VIEW;
}

export const distinctReporters = (reports: readonly PublishableReport[]) => new Set(reports.map((r) => r.reporter)).size;

/**
 * A set of reports that anyone may learn the size of by subtraction is safe when it is empty or
 * when at least k distinct reporters stand behind it.
 */
export const safeResidual = (reports: readonly PublishableReport[], k: number) => reports.length === 0 || distinctReporters(reports) >= k;

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Smallest first: fewest reporters, then fewest reports, then by name (deterministic). */
export const bySize = <T extends { readonly value: string; readonly reports: readonly PublishableReport[] }>(a: T, b: T) =>
  distinctReporters(a.reports) - distinctReporters(b.reports) || a.reports.length - b.reports.length || a.value.localeCompare(b.value);

/**
 * The views of one family that may be published: each needs k distinct reporters, and the reports
 * of the views left out (the whole minus the published views, which anyone can subtract) must be
 * none or have k distinct reporters too; while they do not, the smallest published view is withheld.
 */
export function publishableViews(
  all: readonly PublishableReport[],
  family: ViewFamily,
  k: number,
): { readonly value: string; readonly reports: readonly PublishableReport[] }[] {
  const groups = [...groupBy(all, VIEW_FAMILIES[family])].map(([value, reports]) => ({ value, reports }));
  const shown = groups.filter((g) => distinctReporters(g.reports) >= k).sort(bySize);
  const rest = () => {
    const inShown = new Set(shown.map((g) => g.value));
    return all.filter((r) => !inShown.has(VIEW_FAMILIES[family](r)));
  };
  while (shown.length > 0 && !safeResidual(rest(), k)) shown.shift();
  return shown;
}
