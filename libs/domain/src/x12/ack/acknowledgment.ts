import { isFinalStatus } from '../../claim/lifecycle/claim-lifecycle';
import { ACCEPTED_FOR_PROCESSING, claimStatusComposite, rejectionStatuses, type ClaimRejectionReason } from './claim-status.277ca';

/**
 * The claim's acknowledgment as its 277CA will say it (libs/domain's x12/ack rules): a final claim is accepted for
 * processing (A2:20) unless it was rejected, then with one status per distinct reason; a claim still in flight has
 * none yet. Read from the claim's status (and, when rejected, its reasons): the web worklist shows it, the 277CA builder
 * writes the same statuses.
 */
export type Acknowledgment =
  | { readonly kind: 'pending' }
  | { readonly kind: 'accepted'; readonly status: string }
  | { readonly kind: 'rejected'; readonly statuses: readonly string[] };

export function acknowledgmentOf(status: string, reasons: readonly ClaimRejectionReason[] = []): Acknowledgment {
  if (!isFinalStatus(status)) return { kind: 'pending' };
  if (status !== 'rejected') return { kind: 'accepted', status: claimStatusComposite(ACCEPTED_FOR_PROCESSING) };
  return { kind: 'rejected', statuses: rejectionStatuses(reasons).map(claimStatusComposite) };
}
