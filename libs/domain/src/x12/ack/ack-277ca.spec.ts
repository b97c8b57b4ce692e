import { parse837Text } from '../parse-837';
import { ack277ClaimOf, build277ca, IMPLEMENTATION_277CA, type Ack277Input } from './ack-277ca';
import { rejectionStatuses } from './claim-status.277ca';
import { ACK_ENVELOPE, elementsOf, golden, read837, readBack } from './testing/ack.fixture';

const SPEC_277 = { transactionSet: '277', implementation: IMPLEMENTATION_277CA };
const base: Omit<Ack277Input, 'claims'> = {
  envelope: ACK_ENVELOPE,
  source: { name: 'CLAIMFLOW', id: 'CLAIMFLOW' },
  receiver: { name: 'PM SYSTEM', id: 'PMSYSTEM01' },
  batchId: 'sub-2026-000042',
  receivedOn: '2026-03-02',
};

describe('277CA claim acknowledgment (005010X214)', () => {
  it('acknowledges a priced claim as accepted for processing', () => {
    const [read] = parse837Text(read837('single-claim.x12'));
    if (!read.result.ok) throw new Error('fixture claim must normalize');
    const claim = ack277ClaimOf(read.result.value, { status: 'priced', finalOn: '2026-03-02' });
    const built = build277ca({ ...base, claims: [claim] });
    if (!built.ok) throw new Error(built.error.code);
    expect(built.value).toBe(golden('accepted.277', built.value));
    const { segments, problems } = readBack(built.value, SPEC_277);
    expect(problems).toEqual([]);
    expect(elementsOf(segments, 'STC')).toEqual([
      ['A1:19:AY', '20260302', 'WQ', String(claim.totalCharge)],
      ['A2:20', '20260302', 'WQ', String(claim.totalCharge)],
    ]);
    expect(elementsOf(segments, 'TRN')).toContainEqual(['2', claim.submitterClaimId]);
    expect(elementsOf(segments, 'REF')).toEqual([['D9', claim.claimId]]);
    expect(elementsOf(segments, 'QTY')).toEqual([['90', '1']]);
    expect(elementsOf(segments, 'HL').map((e) => e[2])).toEqual(['20', '21', '19', 'PT']);
  });

  it('rejects a claim with one STC per distinct reason, the way the intake found them', () => {
    const bad = parse837Text(read837('mixed-claims.x12'))[1];
    if (bad.result.ok) throw new Error('fixture claim 2 must fail');
    const reasons = bad.result.error.map(({ code, path }) => ({ code, path }));
    const claim = { claimId: 'x12-000000103-0001-2', submitterClaimId: bad.submitterClaimId!, status: 'rejected' as const, reasons };
    const built = build277ca({ ...base, claims: [{ ...claim, totalCharge: 300, finalOn: '2026-03-02' }] });
    if (!built.ok) throw new Error(built.error.code);
    expect(built.value).toBe(golden('rejected.277', built.value));
    const { segments, problems } = readBack(built.value, SPEC_277);
    expect(problems).toEqual([]);
    expect(elementsOf(segments, 'STC').map((e) => [e[0], e[2]])).toEqual([
      ['A1:19:AY', 'WQ'],
      ['A3:684', 'U'],
      ['A7:454', 'U'],
      ['A7:400', 'U'],
      ['A7:562:82', 'U'],
      ['A7:255', 'U'],
      ['A7:453', 'U'],
      ['A7:476', 'U'],
      ['A7:187', 'U'],
      ['A7:477', 'U'],
    ]);
    expect(elementsOf(segments, 'QTY')).toEqual([['AA', '1']]);
    // Unreadable at intake: no billing provider level, no service dates.
    expect(elementsOf(segments, 'HL').map((e) => e[2])).toEqual(['20', '21', 'PT']);
    expect(elementsOf(segments, 'DTP').map((e) => e[0])).toEqual(['050', '009']);
  });

  it('names missing information A6, processing failures A3:21, and has no 277CA before a claim is final', () => {
    expect(rejectionStatuses([{ code: 'REQUIRED', path: 'billingProvider.npi' }, { code: 'PRICING_FAILED' }])).toEqual([
      { category: 'A6', status: '562', entity: '85' },
      { category: 'A3', status: '21' },
    ]);
    expect(rejectionStatuses([{ code: 'TOO_MANY_ERRORS' }])).toEqual([{ category: 'A3', status: '21' }]);
    const pending = {
      claimId: 'c1',
      submitterClaimId: 'P1',
      status: 'validated' as const,
      reasons: [],
      totalCharge: 1,
      finalOn: '2026-03-02',
    };
    expect(build277ca({ ...base, claims: [pending] })).toEqual({ ok: false, error: { code: 'CLAIM_NOT_FINAL', claimId: 'c1' } });
    expect(build277ca({ ...base, claims: [] })).toEqual({ ok: false, error: { code: 'NO_CLAIMS' } });
  });
});
