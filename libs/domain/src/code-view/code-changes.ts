import type { RefDataCatalog } from '../refdata/catalog';
import { diffReleases, previousRelease } from '../refdata/changes/release-diff';
import type { DatasetDiff } from '../refdata/changes/release-diff.types';
import type { Dataset } from '../refdata/release';
import type { IsoDate } from '../shared/dates';

/** "What changed this quarter" for one code: per dataset, the release in use against the one before it. */
export interface CodeChanges {
  readonly datasets: readonly DatasetDiff[];
}

const TRACKED: readonly Dataset[] = ['mpfs-rvu', 'ncci-ptp-practitioner', 'ncci-mue-practitioner', 'ncci-mue-hospital', 'ncci-addon'];

export function codeChanges(catalog: RefDataCatalog, code: string, date: IsoDate): CodeChanges {
  const datasets: DatasetDiff[] = [];
  for (const dataset of TRACKED) {
    const current = catalog.resolve(dataset, date, { latest: true });
    if (!current.ok) continue;
    const before = previousRelease(catalog, dataset, current.value.release.id);
    if (!before) continue;
    datasets.push(...diffReleases(catalog, before.id, current.value.release.id, { code, datasets: [dataset] }));
  }
  return { datasets };
}
