import { randomUUID } from 'node:crypto';
import { claimLifecycle, type ClaimLifecycleState } from '@claimflow/domain';
import type { ClaimDeadLetteredV1, ClaimPricedV1, ClaimValidatedV1 } from '@claimflow/contracts';
import { IngestMetrics } from '../ingest.metrics';
import { ClaimCompletions } from '../ledger/claim-completions';
import type { BatchDecision, BatchResult, ClaimLedgerRepository, InboxEntry } from '../ledger/claim-ledger.repository';
import { IgnoredResults } from './ignored-results';
import { TrackClaimHandler } from './track-claim.handler';

/** The ledger and inbox tables as the handler sees them, with the same guard as the UPDATE: the row must still be in `from`. */
class MemoryLedger {
  readonly rows = new Map<string, ClaimLifecycleState>();
  readonly inbox = new Set<string>();
  readonly batches: number[] = [];
  /** Moves a claim behind the handler's back once, right after its state was read. */
  interfere?: { claimId: string; to: ClaimLifecycleState };

  async states(ids: readonly string[]) {
    const result = new Map(ids.map((id) => [id, this.rows.get(id) ?? ({ status: 'unknown' } as const)]));
    if (this.interfere) {
      this.rows.set(this.interfere.claimId, this.interfere.to);
      this.interfere = undefined;
    }
    return result;
  }

  async seen(ids: readonly string[]) {
    return new Set(ids.filter((id) => this.inbox.has(id)));
  }

  async applyBatch(decisions: readonly BatchDecision[], ignored: readonly InboxEntry[]): Promise<BatchResult> {
    this.batches.push(decisions.reduce((n, d) => n + d.messageIds.length, 0) + ignored.length);
    const conflicts = new Set<string>();
    for (const d of decisions) {
      const row = this.rows.get(d.claimId);
      const validated = (s?: ClaimLifecycleState) => !!s && 'validated' in s && s.validated === true;
      if (row?.status !== d.from.status || validated(row) !== validated(d.from)) conflicts.add(d.claimId);
      else this.rows.set(d.claimId, d.events.reduce(claimLifecycle.evolve, row));
    }
    const firstSeen = new Set<string>();
    const entries = [
      ...decisions.filter((d) => !conflicts.has(d.claimId)).flatMap((d) => d.messageIds),
      ...ignored.filter((e) => !conflicts.has(e.claimId)).map((e) => e.messageId),
    ];
    for (const id of entries.filter((e) => !this.inbox.has(e))) {
      this.inbox.add(id);
      firstSeen.add(id);
    }
    return { conflicts, firstSeen };
  }
}

const validated = (claimId: string) => ({ claim: { claimId }, validation: { lines: [] } }) as unknown as ClaimValidatedV1;
const priced = (claimId: string) => ({ claim: { claimId }, validation: { lines: [] }, pricing: {} }) as unknown as ClaimPricedV1;
const deadLetter = (claimId: string) =>
  ({ claimId, reason: { code: 'INVALID_MESSAGE', message: 'does not match its contract', errors: [] } }) as unknown as ClaimDeadLetteredV1;

describe('TrackClaimHandler', () => {
  let metrics: IngestMetrics;
  let ledger: MemoryLedger;
  let completions: ClaimCompletions;
  let ignored: IgnoredResults;
  let handler: TrackClaimHandler;

  beforeEach(() => {
    ledger = new MemoryLedger();
    completions = new ClaimCompletions();
    metrics = new IngestMetrics('ingest');
    ignored = new IgnoredResults(metrics);
    handler = new TrackClaimHandler(ledger as unknown as ClaimLedgerRepository, completions, ignored, metrics);
    jest.spyOn(completions, 'completed');
    jest.spyOn(ignored, 'record').mockImplementation(() => undefined);
  });

  it('writes results that arrive together in one batch, and a claim validated and priced in it ends priced', async () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    for (const id of ids) ledger.rows.set(id, { status: 'normalized' });
    await Promise.all(ids.flatMap((id) => [handler.onValidated(`v-${id}`, validated(id)), handler.onPriced(`p-${id}`, priced(id))]));
    expect(ledger.batches).toEqual([100]);
    expect(ids.every((id) => ledger.rows.get(id)?.status === 'priced')).toBe(true);
    expect(completions.completed).toHaveBeenCalledTimes(50);
    expect((await metrics.claimsFinal.get()).values.find((v) => v.labels.status === 'priced')?.value).toBe(50);
    expect(ignored.record).not.toHaveBeenCalled();
  });

  it('knows a validation settled for the claims it recorded priced, and only for them', async () => {
    const [priced1, validated1, rejected1] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [priced1, validated1, rejected1]) ledger.rows.set(id, { status: 'normalized' });
    await Promise.all([
      handler.onPriced('p-1', priced(priced1)),
      handler.onValidated('v-1', validated(validated1)),
      handler.onDeadLettered('d-1', deadLetter(rejected1)),
    ]);
    expect([priced1, validated1, rejected1].map((id) => ledger.rows.get(id)?.status)).toEqual(['priced', 'validated', 'rejected']);
    expect([priced1, validated1, rejected1].map((id) => handler.isValidationSettled(id))).toEqual([true, false, false]);
    // A claim priced elsewhere (another instance, before a restart) is not known here: its validation is read.
    expect(handler.isValidationSettled(randomUUID())).toBe(false);
  });

  it('recognises a redelivered message by its id, in a later batch and within the same one', async () => {
    const id = randomUUID();
    ledger.rows.set(id, { status: 'normalized' });
    await Promise.all([handler.onValidated('m-1', validated(id)), handler.onValidated('m-1', validated(id))]);
    await handler.onValidated('m-1', validated(id));
    expect(ledger.rows.get(id)).toEqual({ status: 'validated', validated: true });
    expect(ignored.record).not.toHaveBeenCalled();
  });

  it('counts a second result under a new id as ignored once, not again when that one is redelivered', async () => {
    const id = randomUUID();
    ledger.rows.set(id, { status: 'normalized' });
    await handler.onPriced('p-1', priced(id));
    await handler.onPriced('p-2', priced(id));
    await handler.onPriced('p-2', priced(id));
    expect(ignored.record).toHaveBeenCalledTimes(1);
    expect(ignored.record).toHaveBeenCalledWith('ALREADY_FINAL', 'RecordPricing', id, 'priced');
  });

  it('decides again on the new state when the claim moved meanwhile, leaving the others of the batch written', async () => {
    const [moved, other] = [randomUUID(), randomUUID()];
    ledger.rows.set(moved, { status: 'normalized' });
    ledger.rows.set(other, { status: 'normalized' });
    ledger.interfere = { claimId: moved, to: { status: 'validated', validated: true } };
    await Promise.all([handler.onPriced('p-moved', priced(moved)), handler.onValidated('v-other', validated(other))]);
    expect(ledger.rows.get(moved)).toEqual({ status: 'priced', validated: true });
    expect(ledger.rows.get(other)).toEqual({ status: 'validated', validated: true });
    expect(ledger.batches).toEqual([2, 1]);
    expect([...ledger.inbox].sort()).toEqual(['p-moved', 'v-other']);
  });

  it('records a validation arriving after the pricing (38% of claims at 50/s), counting nothing as ignored', async () => {
    const ids = Array.from({ length: 20 }, () => randomUUID());
    for (const id of ids) ledger.rows.set(id, { status: 'normalized' });
    await Promise.all(ids.map((id) => handler.onPriced(`p-${id}`, priced(id))));
    await Promise.all(ids.map((id) => handler.onValidated(`v-${id}`, validated(id))));
    expect(ids.map((id) => ledger.rows.get(id))).toEqual(ids.map(() => ({ status: 'priced', validated: true })));
    expect(completions.completed).toHaveBeenCalledTimes(20);
    expect(ignored.record).not.toHaveBeenCalled();
  });

  it('records priced then validated of one claim in the same batch, in arrival order', async () => {
    const id = randomUUID();
    ledger.rows.set(id, { status: 'normalized' });
    await Promise.all([handler.onPriced('p', priced(id)), handler.onValidated('v', validated(id))]);
    expect(ledger.rows.get(id)).toEqual({ status: 'priced', validated: true });
    expect(ledger.inbox).toEqual(new Set(['p', 'v']));
    expect(ignored.record).not.toHaveBeenCalled();
  });

  describe('ignored results, counted for real', () => {
    beforeEach(() => {
      (ignored.record as jest.Mock).mockRestore();
      ledger.rows.set('c1', { status: 'validated', validated: true });
    });

    it('records a result once, and recognises its redelivery by message id without counting it', async () => {
      await handler.onPriced('m1', priced('c1'));
      await handler.onPriced('m1', priced('c1'));
      expect(ledger.rows.get('c1')).toEqual({ status: 'priced', validated: true });
      expect(ledger.inbox).toEqual(new Set(['m1']));
      expect(ignored.snapshot()).toEqual({});
    });

    it('logs and counts a second result for a final claim, and a result for a claim it never recorded', async () => {
      await handler.onPriced('m1', priced('c1'));
      await handler.onPriced('m2', priced('c1'));
      await handler.onPriced('m3', priced('nobody'));
      expect(ignored.snapshot()).toEqual({ 'ALREADY_FINAL:RecordPricing': 1, 'UNKNOWN_CLAIM:RecordPricing': 1 });
    });

    it('puts the count on the service registry that /metrics serves', async () => {
      // c1 is validated: two more validations are duplicates; once priced, a validation is no longer one (its pricing carried it).
      await handler.onValidated('m3', validated('c1'));
      await handler.onValidated('m4', validated('c1'));
      await handler.onPriced('m1', priced('c1'));
      await handler.onPriced('m2', priced('c1'));
      await handler.onValidated('m5', validated('c1'));
      const text = await metrics.registry.metrics();
      expect(text).toContain('claimflow_ingest_results_ignored_total{reason="ALREADY_FINAL",result="RecordPricing",service="ingest"} 1');
      expect(text).toContain(
        'claimflow_ingest_results_ignored_total{reason="DUPLICATE_RESULT",result="RecordValidation",service="ingest"} 2',
      );
    });
  });
});
