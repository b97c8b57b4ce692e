import { distinctContributors } from './contributors';

/** A record as the gate sees it: who, and when it arrived (a sequence number or epoch ms; larger is newer). */
export interface ArrivedRecord {
  readonly contributor: string;
  readonly arrived: number;
}

/**
 * Whether a new snapshot may be published: the first once k distinct contributors stand behind
 * the data at all; each later one only once at least k distinct contributors added or changed
 * records since the last (`lastThrough`: the newest arrival the last snapshot included). So the
 * difference between two snapshots is always the work of k contributors or more: one contributor
 * acting between two reads changes nothing anyone can see.
 */
export function snapshotDue(records: readonly ArrivedRecord[], lastThrough: number | null, k: number): boolean {
  const fresh = lastThrough === null ? records : records.filter((r) => r.arrived > lastThrough);
  return distinctContributors(fresh) >= k;
}

/** The newest arrival among the records (what the next gate compares against); null for none. */
export function throughOf(records: readonly ArrivedRecord[]): number | null {
  return records.reduce<number | null>((max, r) => (max === null || r.arrived > max ? r.arrived : max), null);
}
