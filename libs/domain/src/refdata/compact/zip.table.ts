import type { ReleaseInfo } from '../release';
import type { ZipLocality, ZipLocalityTable } from '../tables';

export class Zip5LocalityTable implements ZipLocalityTable {
  private readonly byZip: Map<string, ZipLocality>;

  constructor(
    readonly release: ReleaseInfo,
    readonly rows: readonly ZipLocality[],
  ) {
    this.byZip = new Map(rows.map((r) => [r.zip, r]));
  }

  get size(): number {
    return this.byZip.size;
  }

  /** Accepts a ZIP5 or ZIP+4 (only the first five digits are looked up). */
  get(zip: string): ZipLocality | undefined {
    return this.byZip.get(zip.slice(0, 5));
  }
}
