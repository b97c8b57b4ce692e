import { distinctContributors, recordsOutside, safeResidual, type Contribution } from './contributors';

export interface RecordGroup<R> {
  readonly value: string;
  readonly records: readonly R[];
}

export interface ShowRules {
  /** The groups are disjoint (single-valued): what the shown groups leave over is "total minus shown", so it must be safe too. */
  readonly partition: boolean;
  /** Also require the records of the base without the group (base minus group, anyone can subtract) to be safe. */
  readonly complement: boolean;
  /** Values another rule (complementary suppression elsewhere) forces hidden. */
  readonly hidden?: ReadonlySet<string>;
  readonly max?: number;
}

/** Smallest first: fewest contributors, then fewest records, then by name (deterministic). */
export const bySize = <R extends Contribution>(a: RecordGroup<R>, b: RecordGroup<R>) =>
  distinctContributors(a.records) - distinctContributors(b.records) ||
  a.records.length - b.records.length ||
  a.value.localeCompare(b.value);

/** The records of `base`, grouped by each value `valuesOf` gives a record (a record may have none, one or several). */
export function groupRecords<R>(base: readonly R[], valuesOf: (r: R) => readonly string[]): RecordGroup<R>[] {
  const out = new Map<string, R[]>();
  for (const r of base)
    for (const v of new Set(valuesOf(r))) {
      const list = out.get(v);
      if (list) list.push(r);
      else out.set(v, [r]);
    }
  return [...out].map(([value, records]) => ({ value, records }));
}

/**
 * The groups of one dimension that may be published within `base`, largest first: each with k
 * distinct contributors, not forced hidden, its complement in the base safe (when asked), at most
 * `max`; and, for a partition, while the records of the groups not shown together are not safe,
 * the smallest shown group is withheld too (complementary suppression).
 */
export function shownGroups<R extends Contribution>(
  base: readonly R[],
  groups: readonly RecordGroup<R>[],
  k: number,
  rules: ShowRules,
): RecordGroup<R>[] {
  const hidden = rules.hidden ?? new Set<string>();
  const shown = groups
    .filter(
      (g) =>
        distinctContributors(g.records) >= k &&
        !hidden.has(g.value) &&
        (!rules.complement || safeResidual(recordsOutside(base, [g.records]), k)),
    )
    .sort((a, b) => bySize(b, a))
    .slice(0, rules.max ?? Number.POSITIVE_INFINITY);
  if (rules.partition)
    while (
      shown.length > 0 &&
      !safeResidual(
        recordsOutside(
          base,
          shown.map((g) => g.records),
        ),
        k,
      )
    )
      shown.pop();
  return shown;
}
