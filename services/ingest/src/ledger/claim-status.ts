import { FINAL_CLAIM_STATUSES } from '@claimflow/domain';

/** Statuses from which nothing moves a claim: its one result is known. */
export const FINAL_STATUSES: ReadonlySet<string> = FINAL_CLAIM_STATUSES;
