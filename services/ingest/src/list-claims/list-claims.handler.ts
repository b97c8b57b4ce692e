import { Injectable } from '@nestjs/common';
import type { ClaimListAnswer, ClaimListItem } from '@claimflow/contracts';
import { encodeCursor } from '../http/keyset-cursor';
import type { ClaimListFilter } from './list-claims.query';
import { ClaimListRepository, type ClaimListRow } from './list-claims.repository';

const toItem = (row: ClaimListRow): ClaimListItem => ({
  claimId: row.id,
  submitterClaimId: row.submitter_claim_id,
  format: row.format as ClaimListItem['format'],
  frequencyCode: row.frequency_code,
  status: row.status as ClaimListItem['status'],
  correlationId: row.correlation_id,
  ...(row.replaced_by_id ? { replacedBy: row.replaced_by_id } : {}),
  receivedAt: row.received_at,
  ...(row.final_at ? { finalAt: row.final_at } : {}),
  ...(row.service_from ? { serviceFrom: row.service_from } : {}),
  ...(row.service_to ? { serviceTo: row.service_to } : {}),
  editCodes: row.edit_codes ?? [],
  ...(row.denied === null ? {} : { denied: row.denied }),
  payerOutcome: row.payer_outcome,
  links: { self: `/v1/claims/${row.id}` },
});

@Injectable()
export class ListClaimsHandler {
  constructor(private readonly claims: ClaimListRepository) {}

  /**
   * A page of the owner's claims and, when more follow, the cursor after its last claim and the link
   * to the next page (`query` is the caller's query string, the cursor replaced).
   */
  async list(owner: string, filter: ClaimListFilter, query: URLSearchParams): Promise<ClaimListAnswer> {
    const rows = await this.claims.page(owner, filter);
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    if (rows.length <= filter.limit || !last) return { claims: page.map(toItem), links: {} };
    const cursor = encodeCursor({ receivedAt: last.received_at, id: last.id });
    const next = new URLSearchParams(query);
    next.set('cursor', cursor);
    return { claims: page.map(toItem), cursor, links: { next: `/v1/claims?${next.toString()}` } };
  }
}
