import type { IsoDate } from '../shared/dates';
import type { AddonTable, FeeScheduleTable, MueTable, PtpTable } from '../refdata/tables';

/** The edit tables that apply to one date of service, resolved once per date per claim. */
export interface DosTables {
  readonly iso: IsoDate;
  readonly dos: number;
  readonly fee?: FeeScheduleTable;
  readonly ptp?: PtpTable;
  readonly mue?: MueTable;
  readonly addon?: AddonTable;
}

export type RefdataFallback = 'strict' | 'latest';

export interface ValidateOptions {
  /** strict (default): skip an edit set with no release in force; latest: use the newest full release and say so. */
  readonly refdataFallback?: RefdataFallback;
}
