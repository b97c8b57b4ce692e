import type { DatasetCoverage } from '@claimflow/domain';

/** GET /api/refdata/status: what `claimflow refdata status` prints, and one line for the home page. */
export interface RefDataStatusView {
  readonly today: string;
  readonly line: string;
  readonly coverage: readonly DatasetCoverage[];
}
