import type { ReleaseInfo } from '../release';
import type { Gpci, GpciTable } from '../tables';

export class LocalityGpciTable implements GpciTable {
  private readonly byKey: Map<string, Gpci>;

  constructor(
    readonly release: ReleaseInfo,
    readonly rows: readonly Gpci[],
    /** The file's footnotes (work and PE floors). */
    readonly footnotes: readonly string[] = [],
  ) {
    this.byKey = new Map(rows.map((g) => [`${g.carrier}|${g.locality}`, g]));
  }

  get(carrier: string, locality: string): Gpci | undefined {
    return this.byKey.get(`${carrier}|${locality}`);
  }

  all(): readonly Gpci[] {
    return this.rows;
  }
}
