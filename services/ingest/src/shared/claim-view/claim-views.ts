import { Injectable } from '@nestjs/common';
import { isFinalStatus } from '@claimflow/domain';
import { ClaimCompletions } from '../../ledger/claim-completions';
import { ClaimViewRepository } from './claim-view.repository';
import { toPayerOutcome } from './payer-outcome.view';
import { toClaimResultV2, toClaimView, type ClaimResultV2View, type ClaimView } from './claim-view';

type Keys = readonly { readonly claimId: string; readonly owner: string }[];

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
  async getMany(keys: Keys): Promise<Map<string, ClaimView>> {
    return this.many(keys, (k) => this.claims.getOwnedMany(k), toClaimView);
  }

  /** As getMany, each as its owner's ClaimResult.v2 (no claim read from the ledger). */
  async getManyV2(keys: Keys): Promise<Map<string, ClaimResultV2View>> {
    return this.many(keys, (k) => this.claims.getOwnedManyClaimless(k), toClaimResultV2);
  }

  private async many<Row extends { id: string; result: unknown }, View>(
    keys: Keys,
    read: (keys: { id: string; submitterId: string }[]) => Promise<Row[]>,
    toView: (row: Row) => View,
  ): Promise<Map<string, View>> {
    const views = new Map<string, View>();
    if (keys.length === 0) return views;
    const rows = await read(keys.map((k) => ({ id: k.claimId, submitterId: k.owner })));
    const outcomes = rows.length > 0 ? await this.claims.outcomesOfMany(rows.map((r) => r.id)) : [];
    const outcomesOf = new Map<string, typeof outcomes>();
    for (const o of outcomes) outcomesOf.set(o.claimId, [...(outcomesOf.get(o.claimId) ?? []), o]);
    for (const row of rows) {
      const view = toView(row);
      // From the stored result, either form (editsByLine: the gap warns included, which a v2 view's edits leave out).
      const payerOutcome = toPayerOutcome(outcomesOf.get(row.id) ?? [], row.result);
      views.set(row.id, { ...view, ...(payerOutcome ? { payerOutcome } : {}) });
    }
    return views;
  }
}
