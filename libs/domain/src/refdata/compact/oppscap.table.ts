import type { OppsCapRow } from '../parsers/oppscap.parser';
import type { ReleaseInfo } from '../release';
import type { OppsCapPrice, OppsCapTable } from '../tables';

export class LocalityOppsCapTable implements OppsCapTable {
  private readonly prices = new Map<string, OppsCapPrice>();
  private readonly codes = new Set<string>();

  constructor(
    readonly release: ReleaseInfo,
    readonly rows: readonly OppsCapRow[],
  ) {
    for (const r of rows) {
      this.prices.set(`${r.hcpcs}|${r.modifier}|${r.carrier}|${r.locality}`, { facility: r.facility, nonFacility: r.nonFacility });
      this.codes.add(`${r.hcpcs}|${r.modifier}`);
    }
  }

  get(hcpcs: string, modifier: string, carrier: string, locality: string): OppsCapPrice | undefined {
    return this.prices.get(`${hcpcs}|${modifier}|${carrier}|${locality}`);
  }

  has(hcpcs: string, modifier: string): boolean {
    return this.codes.has(`${hcpcs}|${modifier}`);
  }
}
