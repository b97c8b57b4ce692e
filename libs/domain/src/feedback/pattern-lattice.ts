import { groupRecords, shownGroups, type Contribution } from '../publication';
import type { ReportCell } from './report-cells';

/**
 * One stored report as the publisher sees it: who (`contributor`: the keyed hash of the reporter,
 * the same on every report of one reporter), its record key, where, when, and its counter cells.
 */
export interface PublishableReport extends Contribution {
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

/**
 * The views of one family that may be published: each needs k distinct reporters, and the reports
 * of the views left out (the whole minus the published views, which anyone can subtract) must be
 * none or have k distinct reporters too; while they do not, the smallest published view is withheld.
 */
export function publishableViews(
  all: readonly PublishableReport[],
  family: ViewFamily,
  k: number,
): { readonly value: string; readonly records: readonly PublishableReport[] }[] {
  return shownGroups(
    all,
    groupRecords(all, (r) => [VIEW_FAMILIES[family](r)]),
    k,
    { partition: true, complement: false },
  );
}
