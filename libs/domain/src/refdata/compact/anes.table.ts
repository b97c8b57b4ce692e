import type { ReleaseInfo } from '../release';
import type { AnesthesiaCf, AnesthesiaTable } from '../tables';

export class LocalityAnesthesiaTable implements AnesthesiaTable {
  private readonly byKey: Map<string, AnesthesiaCf>;

  constructor(
    readonly release: ReleaseInfo,
    readonly nationalConversionFactor: number,
    readonly rows: readonly AnesthesiaCf[],
  ) {
    this.byKey = new Map(rows.map((r) => [`${r.carrier}|${r.locality}`, r]));
  }

  get(carrier: string, locality: string): AnesthesiaCf | undefined {
    return this.byKey.get(`${carrier}|${locality}`);
  }
}
