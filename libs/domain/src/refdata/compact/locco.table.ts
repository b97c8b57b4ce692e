import type { LoccoRow } from '../parsers/locco.parser';
import type { ReleaseInfo } from '../release';

/** Counties of each locality; informational (pricing keys on carrier and locality). */
export class LoccoTable {
  constructor(
    readonly release: ReleaseInfo,
    readonly rows: readonly LoccoRow[],
  ) {}

  localitiesOf(carrier: string): LoccoRow[] {
    return this.rows.filter((r) => r.carrier === carrier);
  }
}
