/**
 * One record behind a published figure: who contributed it (a submitter, a reporter: a keyed hash or
 * an owner id, never shown) and its secret record key for the cell-key rounding.
 */
export interface Contribution {
  readonly contributor: string;
  /** A secret pseudo-random number in [0, 1) fixed per record (an HMAC with a server secret; see libs/runtime record keys). */
  readonly recordKey: number;
}

/** k: the fewest distinct contributors behind any published figure; a deployment may raise it, never lower it. */
export const MIN_CONTRIBUTORS = 5;
/** Every published count is a multiple of this. */
export const ROUNDING_BASE = 5;

export const distinctContributors = (records: readonly Pick<Contribution, 'contributor'>[]) =>
  new Set(records.map((r) => r.contributor)).size;

/**
 * A set of records that anyone may learn the size of by subtraction is safe when it is empty or
 * when at least k distinct contributors stand behind it.
 */
export const safeResidual = (records: readonly Pick<Contribution, 'contributor'>[], k: number) =>
  records.length === 0 || distinctContributors(records) >= k;

/** The records of `base` that are in none of `parts`. */
export function recordsOutside<R>(base: readonly R[], parts: readonly (readonly R[])[]): R[] {
  const inside = new Set(parts.flat());
  return base.filter((r) => !inside.has(r));
}

/** The threshold actually used: never below the floor. */
export const thresholdOf = (k: number) => Math.max(MIN_CONTRIBUTORS, Math.floor(k));
