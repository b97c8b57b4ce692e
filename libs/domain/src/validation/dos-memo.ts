import type { IsoDate } from '../shared/dates';
import type { RefDataCatalog } from '../refdata/catalog';
import type { RefdataFallback } from './dos-tables';
import { resolveDos, type ResolvedDos } from './resolve-dos-tables';

/**
 * Date resolutions are memoised per catalog: the platform swaps catalogs whole rather than adding
 * releases to one in use. Whoever adds a release to a catalog already validated against must call
 * forgetCatalog(catalog).
 */
type ByDate = Map<IsoDate, ResolvedDos>;
const memo = new WeakMap<RefDataCatalog, [ByDate, ByDate, ByDate, ByDate]>();
const MAX_DATES = 4096;

export function resolveDosMemo(catalog: RefDataCatalog, iso: IsoDate, institutional: boolean, mode: RefdataFallback): ResolvedDos {
  let maps = memo.get(catalog);
  if (!maps) memo.set(catalog, (maps = [new Map(), new Map(), new Map(), new Map()]));
  const byDate = maps[(institutional ? 2 : 0) + (mode === 'latest' ? 1 : 0)];
  let hit = byDate.get(iso);
  if (!hit) {
    if (byDate.size >= MAX_DATES) byDate.clear();
    hit = resolveDos(catalog, iso, institutional, mode);
    byDate.set(iso, hit);
  }
  return hit;
}

export function forgetCatalog(catalog: RefDataCatalog): void {
  memo.delete(catalog);
}
