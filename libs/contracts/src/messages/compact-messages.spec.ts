import { completeValidation, pricingClaimOf, type Edit } from '@claimflow/domain';
import { ClaimMessage } from './claim-messages';
import { ClaimPricedV2, ClaimValidatedV2, ClaimValidatedV2ById } from './compact-messages';
import { compactPricing, expandPricing, pricedResultOf, validationOf } from './compact-results';
import { parseMessage } from './parse-message';
import { LESI_CLAIM } from './testing/lesi-claim.fixture';

const claim = LESI_CLAIM;

const edit: Edit = {
  code: 'PTP_BUNDLED',
  severity: 'deny',
  lines: [2],
  message: '77003 is a column 2 code of 62323',
  source: { dataset: 'ncci-ptp-practitioner', release: 'NCCI-2024Q3', modifierIndicator: '1' },
  fix: { action: 'remove-line', detail: 'remove the line', automatic: true },
};
const findings = { edits: [edit], notChecked: [], releases: ['NCCI-2024Q3'] };

const pricedLine = (lineNumber: number, code: string, modifiers: string[], allowed: number) => ({
  lineNumber,
  code,
  modifiers,
  units: 1,
  dateOfService: '2025-03-10',
  setting: 'non-facility' as const,
  allowed,
  medicarePayment: Math.round(allowed * 80) / 100,
  coinsurance: Math.round(allowed * 20) / 100,
  limitingCharge: 0,
  status: allowed ? ('priced' as const) : ('denied' as const),
});

const pricing = {
  kind: 'priced' as const,
  claimId: 'c-1',
  // The second line as priced differs from the claim's (its modifier): that much stays on the wire.
  lines: [pricedLine(1, '62323', [], 284.59), pricedLine(2, '77003', [], 0)],
  totals: { allowed: 284.59, medicarePayment: 227.67, coinsurance: 56.92 },
  notes: [],
  releases: ['MPFS-2025-OCT'],
};

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('compact claim messages (v2)', () => {
  it('round-trips every v2 message type through its wire form', () => {
    const priced = { type: 'ClaimPriced.v2', claimId: claim.claimId, validation: findings, pricing: compactPricing(claim, pricing) };
    for (const message of [
      { type: 'ClaimNormalized.v2', claim },
      { type: 'ClaimValidated.v2', claim: pricingClaimOf(claim), validation: findings },
      priced,
    ]) {
      expect(parseMessage(ClaimMessage, Buffer.from(JSON.stringify(message)))).toEqual({ ok: true, value: wire(message) });
    }
  });

  it('states a priced line by index: only what differs from the claim line at that index travels', () => {
    const compact = compactPricing(claim, pricing);
    expect(compact.kind === 'priced' && compact.lines.map((l) => Object.keys(l).filter((k) => k in claim.lines[0]))).toEqual([
      [],
      ['modifiers'],
    ]);
    expect(JSON.stringify(compact)).not.toContain('"claimId"');
    expect(expandPricing(claim, wire(compact))).toEqual(pricing);
  });

  it('completes a v2 message to the whole result v1 carried, each edit stated once on the wire', () => {
    const validation = completeValidation(claim, findings);
    const message = ClaimPricedV2.parse(
      wire({ type: 'ClaimPriced.v2', claimId: claim.claimId, validation: findings, pricing: compactPricing(claim, pricing) }),
    );
    expect(pricedResultOf(message, claim)).toEqual(wire({ validation, pricing }));
    expect(validationOf(message, claim).lines[1]).toMatchObject({ lineNumber: 2, code: '77003', denied: true, edits: [edit] });
    expect(validationOf(message, claim).correctedClaim.lines.map((l) => l.lineNumber)).toEqual([1]);
    expect(JSON.stringify(message).split('"PTP_BUNDLED"')).toHaveLength(2);
    expect(() => pricedResultOf(message, { ...claim, claimId: 'another' })).toThrow(/completed with claim another/);
  });

  it('passes a v1 message through unchanged, so a claim in flight during the rollover gets the same result', () => {
    const validation = completeValidation(claim, findings);
    const v1 = { type: 'ClaimPriced.v1' as const, claim, validation, pricing };
    expect(pricedResultOf(v1, claim)).toEqual({ validation, pricing });
    expect(validationOf({ type: 'ClaimValidated.v1', claim, validation }, claim)).toBe(validation);
  });

  it("reads a validated message for ingest by its claim's id alone, the rest unchecked; the wire schema checks the whole claim", () => {
    const validated = wire({ type: 'ClaimValidated.v2', claim: { ...claim, lines: [] }, validation: findings });
    expect(parseMessage(ClaimValidatedV2, JSON.stringify(validated)).ok).toBe(false);
    // Neither checked nor dropped: the claim's other fields stay as they came (ingest reads its id alone).
    expect(parseMessage(ClaimValidatedV2ById, JSON.stringify(validated))).toEqual({ ok: true, value: validated });
    const noId = parseMessage(ClaimValidatedV2ById, JSON.stringify({ ...validated, claim: {} }));
    expect(!noId.ok && noId.error.map((e) => e.path)).toEqual(['claim.claimId']);
  });

  it('rejects a compact priced line that lost its amount, naming the path', () => {
    const broken = wire({
      type: 'ClaimPriced.v2',
      claimId: claim.claimId,
      validation: findings,
      pricing: compactPricing(claim, pricing),
    }) as unknown as {
      pricing: { lines: Record<string, unknown>[] };
    };
    delete broken.pricing.lines[0].allowed;
    const parsed = parseMessage(ClaimPricedV2, JSON.stringify(broken));
    expect(!parsed.ok && parsed.error.map((e) => e.path)).toContain('pricing.lines.0.allowed');
  });
});
