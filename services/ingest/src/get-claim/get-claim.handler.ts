import { Injectable } from '@nestjs/common';
import { ClaimCompletions } from '../ledger/claim-completions';
import { ClaimLedgerRepository } from '../ledger/claim-ledger.repository';
import { FINAL_STATUSES } from '../ledger/claim-status';
import { toClaimView, type ClaimView } from './claim-view';

@Injectable()
export class GetClaimHandler {
  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly completions: ClaimCompletions,
  ) {}

  async get(claimId: string, waitMs = 0): Promise<ClaimView | undefined> {
    if (waitMs > 0) {
      await this.completions.waitFor(claimId, waitMs, async () => FINAL_STATUSES.has((await this.ledger.get(claimId))?.status ?? ''));
    }
    const row = await this.ledger.get(claimId);
    return row ? toClaimView(row) : undefined;
  }
}
