export const CLAIM_STATUSES = ['received', 'normalized', 'validated', 'priced', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Statuses only move forward; a late "validated" never overwrites "priced". */
export function isAfter(next: ClaimStatus, current: string): boolean {
  return CLAIM_STATUSES.indexOf(next) > CLAIM_STATUSES.indexOf(current as ClaimStatus);
}

export const FINAL_STATUSES: ReadonlySet<string> = new Set(['priced', 'rejected']);
