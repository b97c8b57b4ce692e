import { dateKey, type IsoDate } from '../shared/dates';
import type { RefDataCatalog, TableByDataset } from '../refdata/catalog';
import type { ReleaseInfo } from '../refdata/release';
import type { DosTables, RefdataFallback } from './dos-tables';

export type EditDataset =
  'mpfs-rvu' | 'ncci-ptp-practitioner' | 'ncci-ptp-hospital' | 'ncci-mue-practitioner' | 'ncci-mue-hospital' | 'ncci-addon';

/**
 * A dataset the date cannot be fully checked against: no release in force (`used` is the stand-in
 * release in 'latest' mode, if any), or a partial release in force (`partial`).
 */
export interface DosGap {
  readonly dataset: EditDataset;
  readonly used: ReleaseInfo | undefined;
  readonly partial?: boolean;
  /** No release in force: the releases of the dataset that are loaded (ids, newest first). */
  readonly loaded?: readonly string[];
}

/** Everything one date of service resolves to; depends only on the catalog, date, claim type and mode. */
export interface ResolvedDos {
  readonly tables: DosTables;
  readonly gaps: readonly DosGap[];
  readonly releases: readonly string[];
}

export function resolveDos(catalog: RefDataCatalog, iso: IsoDate, institutional: boolean, mode: RefdataFallback): ResolvedDos {
  const gaps: DosGap[] = [];
  const releases: string[] = [];
  const pick = <D extends EditDataset>(dataset: D): TableByDataset[D] | undefined => {
    const hit = catalog.resolve(dataset, iso);
    if (hit.ok) {
      const release = hit.value.release;
      releases.push(release.id);
      // A partial fee schedule is reported code by code (CODE_UNKNOWN); edit tables only as a whole.
      if (release.partial && dataset !== 'mpfs-rvu') gaps.push({ dataset, used: release, partial: true });
      return hit.value;
    }
    const fallback = mode === 'latest' ? newestFull(catalog.releases(dataset)) : undefined;
    const table = fallback ? catalog.resolve(dataset, fallback.validFrom) : undefined;
    const used = table?.ok ? table.value.release : undefined;
    if (used) releases.push(used.id);
    gaps.push({ dataset, used, loaded: hit.error.available.map((a) => a.id) });
    return table?.ok ? table.value : undefined;
  };
  const tables: DosTables = {
    iso,
    dos: dateKey(iso),
    fee: pick('mpfs-rvu'),
    ptp: pick(institutional ? 'ncci-ptp-hospital' : 'ncci-ptp-practitioner'),
    mue: pick(institutional ? 'ncci-mue-hospital' : 'ncci-mue-practitioner'),
    addon: pick('ncci-addon'),
  };
  return { tables, gaps, releases };
}

/** The newest release, skipping partial excerpts when a full release exists. */
function newestFull(releases: readonly ReleaseInfo[]): ReleaseInfo | undefined {
  let best: ReleaseInfo | undefined;
  for (const r of releases) {
    if (!best || (best.partial && !r.partial) || (best.partial === r.partial && r.validFrom > best.validFrom)) best = r;
  }
  return best;
}
