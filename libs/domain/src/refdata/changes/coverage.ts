import type { RefDataCatalog } from '../catalog';
import type { Dataset } from '../release';
import type { IsoDate } from '../../shared/dates';

export interface DateRange {
  readonly from: IsoDate;
  /** null = open-ended */
  readonly to: IsoDate | null;
}

export interface DatasetCoverage {
  readonly dataset: Dataset;
  /** Dates of service some release covers, merged. */
  readonly covered: readonly DateRange[];
  /** Holes between covered ranges. */
  readonly gaps: readonly DateRange[];
  /** What a claim dated `today` gets: strict (the release in force, or null = refused) and latest (the release used). */
  readonly today: { readonly strict: string | null; readonly latest: string };
}

const addDays = (d: IsoDate, n: number): IsoDate => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Date-of-service coverage of every loaded dataset, its gaps, and what `today` resolves to. */
export function refDataCoverage(catalog: RefDataCatalog, today: IsoDate): DatasetCoverage[] {
  return catalog
    .datasets()
    .sort()
    .map((dataset) => {
      const ranges = catalog
        .releases(dataset)
        .map((r) => ({ from: r.validFrom, to: r.validTo }))
        .sort((a, b) => a.from.localeCompare(b.from));
      const covered: { from: IsoDate; to: IsoDate | null }[] = [];
      for (const r of ranges) {
        const last = covered[covered.length - 1];
        if (last && (last.to === null || r.from <= addDays(last.to, 1))) {
          if (last.to !== null && (r.to === null || r.to > last.to)) last.to = r.to;
        } else covered.push({ ...r });
      }
      const gaps: DateRange[] = [];
      for (let i = 1; i < covered.length; i++) gaps.push({ from: addDays(covered[i - 1].to!, 1), to: addDays(covered[i].from, -1) });
      const strict = catalog.resolve(dataset, today);
      const latest = catalog.resolve(dataset, today, { latest: true });
      return {
        dataset,
        covered,
        gaps,
        today: { strict: strict.ok ? strict.value.release.id : null, latest: latest.ok ? latest.value.release.id : '' },
      };
    });
}

/** One line for a page: how many datasets a claim dated today can be checked against in strict mode. */
export function coverageLine(coverage: readonly DatasetCoverage[], today: IsoDate): string {
  const refused = coverage.filter((c) => c.today.strict === null).map((c) => c.dataset);
  if (refused.length === 0) return `Reference data covers claims dated today (${today}) for every loaded dataset.`;
  return (
    `A claim dated today (${today}) is refused in strict mode for ${refused.join(', ')} ` +
    `(no release in force); with the latest fallback it gets ${[...new Set(coverage.map((c) => c.today.latest))].join(', ')}.`
  );
}
