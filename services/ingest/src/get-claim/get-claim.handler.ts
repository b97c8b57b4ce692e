import { Injectable } from '@nestjs/common';
import { ClaimCompletions } from '../ledger/claim-completions';
import { ClaimLedgerRepository } from '../ledger/claim-ledger.repository';
import { FINAL_STATUSES } from '../ledger/claim-status';
import { RemittanceRepository } from '../remittances/remittance.repository';
import { toPayerOutcome } from '../remittances/payer-outcome.view';
import { toClaimView } from './claim-view';

@Injectable()
export class GetClaimHandler {
  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly completions: ClaimCompletions,
    private readonly remittances: RemittanceRepository,
  ) {}

  async get(claimId: string, waitMs = 0) {
    if (waitMs > 0) {
      await this.completions.waitFor(claimId, waitMs, async () => FINAL_STATUSES.has((await this.ledger.get(claimId))?.status ?? ''));
    }
    const row = await this.ledger.get(claimId);
    if (!row) return undefined;
    const payerOutcome = toPayerOutcome(await this.remittances.outcomesOf(claimId), row.result);
    return { ...toClaimView(row), ...(payerOutcome ? { payerOutcome } : {}) };
  }
}
