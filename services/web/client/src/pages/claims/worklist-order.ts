import type { ClaimListItem } from '@claimflow/contracts';

/** Whether a claim needs the biller now: rejected (it will not be processed) or with a line ClaimFlow predicts denied. */
export const needsAttention = (claim: Pick<ClaimListItem, 'status' | 'denied'>): boolean =>
  claim.status === 'rejected' || claim.denied === true;

/**
 * The loaded claims in two groups, shown in this order: those needing attention (rejected ones first, then
 * predicted denials), then the rest. Within a group the list's own order (newest received first) is kept.
 */
export function arrangeWorklist<T extends Pick<ClaimListItem, 'status' | 'denied'>>(claims: readonly T[]) {
  const rejected = claims.filter((c) => c.status === 'rejected');
  const denied = claims.filter((c) => c.status !== 'rejected' && c.denied === true);
  return { attention: [...rejected, ...denied], others: claims.filter((c) => !needsAttention(c)) };
}
