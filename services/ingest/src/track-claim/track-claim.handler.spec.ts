import { ClaimflowMetrics } from '@claimflow/platform';
import { claimLifecycle, type ClaimLifecycleState } from '@claimflow/domain';
import type { ClaimPricedV1 } from '@claimflow/contracts';
import { ClaimCompletions } from '../ledger/claim-completions';
import type { ClaimLedgerRepository, Decision } from '../ledger/claim-ledger.repository';
import { IgnoredResults } from './ignored-results';
import { TrackClaimHandler } from './track-claim.handler';

/** The ledger's contract in memory: states by claim, the inbox of applied message ids. */
class MemoryLedger {
  readonly states = new Map<string, ClaimLifecycleState>();
  readonly inbox = new Set<string>();
  applied = 0;

  async state(id: string): Promise<ClaimLifecycleState> {
    return this.states.get(id) ?? { status: 'unknown' };
  }
  async apply(messageId: string, decision: Decision): Promise<boolean> {
    if (this.inbox.has(messageId)) return false;
    this.inbox.add(messageId);
    this.states.set(decision.claimId, decision.events.reduce(claimLifecycle.evolve, decision.from));
    this.applied++;
    return true;
  }
  async markSeen(messageId: string): Promise<boolean> {
    if (this.inbox.has(messageId)) return false;
    this.inbox.add(messageId);
    return true;
  }
}

const priced = (claimId: string) => ({ claim: { claimId }, validation: {}, pricing: {} }) as unknown as ClaimPricedV1;

describe('TrackClaimHandler', () => {
  let metrics: ClaimflowMetrics;
  let ledger: MemoryLedger;
  let ignored: IgnoredResults;
  let handler: TrackClaimHandler;
  beforeEach(() => {
    ledger = new MemoryLedger();
    ignored = new IgnoredResults();
    metrics = new ClaimflowMetrics('ingest');
    handler = new TrackClaimHandler(ledger as unknown as ClaimLedgerRepository, new ClaimCompletions(), ignored, metrics);
    ledger.states.set('c1', { status: 'validated' });
  });

  it('records a result once, and recognises its redelivery by message id without counting it', async () => {
    await handler.onPriced('m1', priced('c1'));
    await handler.onPriced('m1', priced('c1'));
    expect(ledger.states.get('c1')).toEqual({ status: 'priced' });
    expect(ledger.applied).toBe(1);
    expect(ignored.snapshot()).toEqual({});
    const counted = (await metrics.claimsFinal.get()).values.find((v) => v.labels.status === 'priced');
    expect(counted?.value).toBe(1);
  });

  it('logs and counts a second result for a final claim, and a result for a claim it never recorded', async () => {
    await handler.onPriced('m1', priced('c1'));
    await handler.onPriced('m2', priced('c1'));
    await handler.onPriced('m3', priced('nobody'));
    expect(ledger.applied).toBe(1);
    expect(ignored.snapshot()).toEqual({ 'ALREADY_FINAL:RecordPricing': 1, 'UNKNOWN_CLAIM:RecordPricing': 1 });
  });
});
