import { Injectable } from '@nestjs/common';
import { ClaimCompletions } from '../ledger/claim-completions';
import { ClaimLedgerRepository } from '../ledger/claim-ledger.repository';
import { FINAL_STATUSES } from '../ledger/claim-status';
import { RemittanceRepository } from '../remittances/remittance.repository';
import { toPayerOutcome } from '../remittances/payer-outcome.view';
import { toClaimView, type ClaimView } from './claim-view';

@Injectable()
export class GetClaimHandler {
  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly completions: ClaimCompletions,
    private readonly remittances: RemittanceRepository,
  ) {}

  /** The owner's claim, or undefined for any other (another submitter's claim is as unknown as a made-up id). */
  async get(claimId: string, owner: string, waitMs = 0): Promise<ClaimView | undefined> {
    const read = () => this.ledger.getOwned(claimId, owner);
    // Waiting on someone else's claim would tell that it exists: only an owned claim is waited for.
    if (waitMs > 0 && (await read())) {
      await this.completions.waitFor(claimId, waitMs, async () => FINAL_STATUSES.has((await read())?.status ?? ''));
    }
    const row = await read();
    if (!row) return undefined;
    const payerOutcome = toPayerOutcome(await this.remittances.outcomesOf(claimId), row.result);
    return { ...toClaimView(row), ...(payerOutcome ? { payerOutcome } : {}) };
  }
}
