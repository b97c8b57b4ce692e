import { ClaimSchema } from '@claimflow/domain';
import { ClaimMessage, ClaimPricedV1 } from './claim-messages';
import { parseMessage } from './parse-message';

const claim = ClaimSchema.parse({
  claimId: 'c-1',
  submitterClaimId: 'LESI-1',
  placeOfService: '11',
  billingProvider: { npi: '1234567893', zip: '10016' },
  lines: [
    { lineNumber: 1, code: '62323', modifiers: [], units: 1, dateOfService: '2025-03-10' },
    { lineNumber: 2, code: '77003', modifiers: [], units: 1, dateOfService: '2025-03-10' },
  ],
});

const edit = {
  code: 'PTP_BUNDLED',
  severity: 'deny',
  lines: [2],
  message: '77003 is a column 2 code of 62323',
  source: { dataset: 'ncci-ptp-practitioner', release: 'NCCI-2024Q3', modifierIndicator: '1' },
  fix: { action: 'add-modifier', detail: 'only with documentation', automatic: false },
} as const;

const validation = {
  claimId: 'c-1',
  edits: [edit],
  lines: [
    { lineNumber: 1, code: '62323', modifiers: [], units: 1, denied: false, outcome: 'clean', notChecked: [], edits: [] },
    { lineNumber: 2, code: '77003', modifiers: [], units: 1, denied: true, outcome: 'denied', notChecked: [], edits: [edit] },
  ],
  correctedClaim: { ...claim, lines: [claim.lines[0]] },
  releases: ['NCCI-2024Q3'],
  outcome: 'denied',
  notChecked: [],
};

const pricedLine = (lineNumber: number, code: string, allowed: number) => ({
  lineNumber,
  code,
  modifiers: [],
  units: 1,
  dateOfService: '2025-03-10',
  setting: 'non-facility',
  allowed,
  medicarePayment: Math.round(allowed * 80) / 100,
  coinsurance: Math.round(allowed * 20) / 100,
  limitingCharge: 0,
  status: allowed ? 'priced' : 'denied',
});

const priced = {
  type: 'ClaimPriced.v1',
  claim,
  validation,
  pricing: {
    kind: 'priced',
    claimId: 'c-1',
    lines: [pricedLine(1, '62323', 284.59), pricedLine(2, '77003', 0)],
    totals: { allowed: 284.59, medicarePayment: 227.67, coinsurance: 56.92 },
    notes: [],
    releases: ['MPFS-2025-OCT'],
  },
};

describe('claim message contracts', () => {
  it('round-trips every message type through its wire form', () => {
    for (const message of [{ type: 'ClaimNormalized.v1', claim }, { type: 'ClaimValidated.v1', claim, validation }, priced]) {
      const parsed = parseMessage(ClaimMessage, Buffer.from(JSON.stringify(message)));
      expect(parsed).toEqual({ ok: true, value: message });
    }
  });

  it('rejects a payload that is not JSON, with the reason', () => {
    const parsed = parseMessage(ClaimMessage, Buffer.from('{"type": "ClaimNormalized.v1", claim'));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error[0].code).toBe('MALFORMED_JSON');
  });

  it('rejects an unknown message type and names the field', () => {
    const parsed = parseMessage(ClaimMessage, JSON.stringify({ type: 'ClaimNormalized.v9', claim }));
    expect(!parsed.ok && parsed.error.map((e) => e.path)).toEqual(['type']);
  });

  it('rejects a priced message whose line lost its amount, naming the path', () => {
    const broken = structuredClone(priced) as { pricing: { lines: Record<string, unknown>[] } };
    delete broken.pricing.lines[0].allowed;
    const parsed = parseMessage(ClaimPricedV1, JSON.stringify(broken));
    expect(!parsed.ok && parsed.error.some((e) => e.path.startsWith('pricing'))).toBe(true);
  });

  it('rejects a claim that breaks the canonical schema', () => {
    const bad = { type: 'ClaimNormalized.v1', claim: { ...claim, lines: [{ ...claim.lines[0], units: 0 }] } };
    const parsed = parseMessage(ClaimMessage, JSON.stringify(bad));
    expect(!parsed.ok && parsed.error.map((e) => e.path)).toContain('claim.lines.0.units');
  });
});
