import type { Dataset } from '../release';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  readonly field: string;
  readonly from: string | number | boolean | null;
  readonly to: string | number | boolean | null;
}

/** One code (fee schedule row "77003", "77003-26"; MUE; add-on) or PTP pair ("62323/77003") that changed. */
export interface RefDataChange {
  readonly kind: ChangeKind;
  readonly key: string;
  readonly fields: readonly FieldChange[];
}

export interface DatasetDiff {
  readonly dataset: Dataset;
  readonly from: string;
  readonly to: string;
  readonly changes: readonly RefDataChange[];
  /** Caveats: e.g. a partial release cannot say what was removed outside the codes it holds. */
  readonly notes: readonly string[];
}
