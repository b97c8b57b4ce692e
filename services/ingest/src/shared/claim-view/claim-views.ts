import { Injectable } from '@nestjs/common';
import { isFinalStatus } from '@claimflow/domain';
import { ClaimCompletions } from '../../ledger/claim-completions';
import { ClaimViewRepository } from './claim-view.repository';
import { toPayerOutcome } from './payer-outcome.view';
import { toClaimView, type ClaimView } from './claim-view';

/** A claim as GET /v1/claims/{id} answers it, the intake's `?wait=` and the results topics too. */
@Injectable()
export class ClaimViews {
  constructor(
    private readonly claims: ClaimViewRepository,
    private readonly completions: ClaimCompletions,
  ) {}

  /** The owner's claim, or undefined for any other (another submitter's claim is as unknown as a made-up id). */
  async get(claimId: string, owner: string, waitMs = 0): Promise<ClaimView | undefined> {
    const read = () => this.claims.getOwned(claimId, owner);
    // Waiting on someone else's claim would tell that it exists: only an owned claim is waited for.
    if (waitMs > 0 && (await read())) {
      await this.completions.waitFor(claimId, waitMs, async () => isFinalStatus((await read())?.status ?? ''));
    }
    const row = await read();
    if (!row) return undefined;
    const view = toClaimView(row);
    const payerOutcome = toPayerOutcome(await this.claims.outcomesOf(claimId), view.result);
    return { ...view, ...(payerOutcome ? { payerOutcome } : {}) };
  }

  /**
   * Many owned claims in two queries (their rows, their payer outcomes), by claim id; a claim of another owner is
   * missing, as with get. For the results relay, which read two queries per claim one after another before.
   */
  async getMany(keys: readonly { readonly claimId: string; readonly owner: string }[]): Promise<Map<string, ClaimView>> {
    const views = new Map<string, ClaimView>();
    if (keys.length === 0) return views;
    const rows = await this.claims.getOwnedMany(keys.map((k) => ({ id: k.claimId, submitterId: k.owner })));
    const outcomes = rows.length > 0 ? await this.claims.outcomesOfMany(rows.map((r) => r.id)) : [];
    const outcomesOf = new Map<string, typeof outcomes>();
    for (const o of outcomes) outcomesOf.set(o.claimId, [...(outcomesOf.get(o.claimId) ?? []), o]);
    for (const row of rows) {
      const view = toClaimView(row);
      const payerOutcome = toPayerOutcome(outcomesOf.get(row.id) ?? [], view.result);
      views.set(row.id, { ...view, ...(payerOutcome ? { payerOutcome } : {}) });
    }
    return views;
  }
}
