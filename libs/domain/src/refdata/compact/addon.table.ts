import type { AddonRow } from '../parsers/addon.parser';
import type { ReleaseInfo } from '../release';
import type { AddonEntry, AddonTable } from '../tables';

export class AddonCodeTable implements AddonTable {
  private readonly byAddon = new Map<string, AddonEntry & { primaries: string[] }>();

  constructor(
    readonly release: ReleaseInfo,
    readonly rows: readonly AddonRow[],
  ) {
    for (const r of rows) {
      const entry = this.byAddon.get(r.addon) ?? { addon: r.addon, type: r.type, primaries: [] };
      if (r.primary != null) entry.primaries.push(r.primary);
      this.byAddon.set(r.addon, entry);
    }
    for (const e of this.byAddon.values()) e.primaries.sort();
  }

  get size(): number {
    return this.byAddon.size;
  }

  get(addon: string): AddonEntry | undefined {
    return this.byAddon.get(addon);
  }
}
