import type { RefDataStatusSchema, SameShape } from '@claimflow/contracts';
import type { DatasetCoverage } from '@claimflow/domain';

/** GET /api/refdata/status: what `claimflow refdata status` prints, and one line for the home page. */
export interface RefDataStatusView {
  readonly today: string;
  readonly line: string;
  readonly coverage: readonly DatasetCoverage[];
}

// The answer is exactly what the contract (and so the OpenAPI document) describes.
const _status: SameShape<typeof RefDataStatusSchema, RefDataStatusView> = true;
void _status;
