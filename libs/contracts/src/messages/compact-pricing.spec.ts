import { ClaimSchema, deniedReason, type LineBreakdown, type PricedLine, type PricingLocality } from '@claimflow/domain';
import { CompactPricedClaimSchema } from './compact-messages';
import { compactPricing, expandPricing } from './compact-results';

const claim = ClaimSchema.parse({
  claimId: 'c-1',
  submitterClaimId: 'S-1',
  placeOfService: '11',
  billingProvider: { npi: '1234567893', zip: '10016' },
  lines: [1, 2, 3].map((n) => ({ lineNumber: n, code: `7700${n}`, modifiers: [], units: 1, dateOfService: '2025-03-10' })),
});

const NY: PricingLocality = { carrier: '13202', locality: '01', name: 'MANHATTAN NY', source: 'zip' };
const CLAIM_RELEASES = ['MPFS-2025-OCT', 'MPFS-2025-GPCI', 'ZIP5-2025Q4', 'MPFS-2025-OPPSCAP'];
const FACILITY = CLAIM_RELEASES.slice(0, 3);

const breakdown = (locality: PricingLocality, releases: readonly string[]): LineBreakdown => ({
  rvus: { work: 0.54, pe: 1.9, mp: 0.05, total: 2.49 },
  gpci: { work: 1.094, pe: 1.387, mp: 1.899, locality },
  conversionFactor: 32.3465,
  unitPrice: 115.3,
  adjustments: [],
  releases,
});

const line = (n: number, b?: LineBreakdown): PricedLine => ({
  lineNumber: n,
  code: `7700${n}`,
  modifiers: [],
  units: 1,
  dateOfService: '2025-03-10',
  setting: 'non-facility',
  allowed: b ? 115.3 : 0,
  medicarePayment: b ? 92.24 : 0,
  coinsurance: b ? 23.06 : 0,
  limitingCharge: 0,
  status: b ? 'priced' : 'denied',
  ...(b ? { breakdown: b } : {}),
});

const priced = (...lines: PricedLine[]) => ({
  kind: 'priced' as const,
  claimId: 'c-1',
  lines,
  totals: { allowed: 230.6, medicarePayment: 184.48, coinsurance: 46.12 },
  notes: [],
  releases: CLAIM_RELEASES,
});

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The compact form through JSON and the wire schema, and what expandPricing gives back from it. */
function roundTrip(pricing: ReturnType<typeof priced>) {
  const compact = CompactPricedClaimSchema.parse(wire(compactPricing(claim, pricing)));
  expect(expandPricing(claim, compact)).toEqual(pricing);
  return compact;
}

describe('compact priced lines: the locality and releases every line shares, once', () => {
  it('states the one locality and the claim releases once', () => {
    const compact = roundTrip(priced(line(1, breakdown(NY, CLAIM_RELEASES)), line(2), line(3, breakdown(NY, CLAIM_RELEASES))));
    expect(compact.locality).toEqual(NY);
    expect(compact.lineReleases).toBeUndefined();
    expect(JSON.stringify(compact.lines)).not.toMatch(/MANHATTAN|OPPSCAP/);
  });

  it("states the lines' releases once when all the same but not the claim's (facility lines)", () => {
    const compact = roundTrip(priced(line(1, breakdown(NY, FACILITY)), line(2, breakdown(NY, FACILITY))));
    expect(compact.lineReleases).toEqual(FACILITY);
    expect(compact.lines.map((l) => l.breakdown?.releases)).toEqual([undefined, undefined]);
  });

  it('keeps on each line what differs between lines: another locality, other releases', () => {
    const other: PricingLocality = { ...NY, locality: '02', name: 'NYC SUBURBS' };
    const compact = roundTrip(priced(line(1, breakdown(NY, CLAIM_RELEASES)), line(2, breakdown(other, FACILITY))));
    expect(compact.locality).toBeUndefined();
    expect(compact.lineReleases).toBeUndefined();
    expect(compact.lines.map((l) => [l.breakdown?.gpci.locality?.locality, l.breakdown?.releases])).toEqual([
      ['01', undefined],
      ['02', FACILITY],
    ]);
  });

  it("leaves out a denied line's reason when it only names the denying edits", () => {
    const denied = (deniedBy: string[], reason: string): PricedLine => ({ ...line(2), reason, deniedBy });
    const pricing = priced(
      line(1, breakdown(NY, CLAIM_RELEASES)),
      denied(['PTP_BUNDLED', 'GUIDANCE_INCLUDED'], deniedReason(['PTP_BUNDLED', 'GUIDANCE_INCLUDED'])),
      denied(['MUE_EXCEEDED'], 'Denied for another reason.'),
    );
    const compact = roundTrip(pricing);
    expect(compact.lines.map((l) => l.reason)).toEqual([undefined, undefined, 'Denied for another reason.']);
    const expanded = expandPricing(claim, compact);
    expect(expanded.kind === 'priced' && JSON.stringify(expanded.lines)).toBe(JSON.stringify(pricing.lines));
  });

  it('reads a compact claim of an earlier build, every line whole', () => {
    const pricing = priced(line(1, breakdown(NY, FACILITY)));
    const { claimId: _id, ...earlier } = pricing;
    void _id;
    expect(expandPricing(claim, CompactPricedClaimSchema.parse(wire(earlier)))).toEqual(pricing);
  });
});
