import { priceClaim } from './price-claim';
import { fixtureClaim, pricingCatalog, type LineSpec } from './testing/pricing-fixture';
import type { ValidationInput } from './validation-input';

const catalog = pricingCatalog();

function price(lines: LineSpec[], validation?: ValidationInput) {
  const p = priceClaim(fixtureClaim(lines), validation, catalog);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

describe('status codes and validator denials', () => {
  it.each([
    ['G0008', 'not-payable', /Status X: statutory exclusion/],
    ['0001F', 'not-payable', /Status M: measurement code/],
    ['22526', 'not-payable', /Status N: non-covered/],
    ['0633T', 'no-price', /Status C: carrier priced/],
  ])('%s is %s at $0 with the reason', (code, status, reason) => {
    const [line] = price([{ code }]).lines;
    expect(line.status).toBe(status);
    expect(line.reason).toMatch(reason);
    expect([line.allowed, line.medicarePayment, line.coinsurance, line.limitingCharge]).toEqual([0, 0, 0, 0]);
  });

  it('status T is paid alone: (0.10 x 0.869 + 0.01 x 0.575) x 32.3465 = 3.00', () => {
    expect(price([{ code: '94760' }]).lines[0]).toMatchObject({ status: 'priced', allowed: 3 });
  });

  it('status T is not paid when another fee schedule service is paid that day by the same provider', () => {
    const claim = price([{ code: '94760' }, { code: '99213' }]);
    expect(claim.lines[0]).toMatchObject({ status: 'not-payable', allowed: 0 });
    expect(claim.lines[0].reason).toMatch(/Status T/);
    expect(claim.totals.allowed).toBe(81.86);
    const otherDay = price([{ code: '94760' }, { code: '99213', dateOfService: '2025-03-11' }]);
    expect(otherDay.lines[0].allowed).toBe(3);
  });

  it('a line the validator denied is $0 and names the edits', () => {
    const validation: ValidationInput = {
      lines: [
        { lineNumber: 1, denied: false, edits: [] },
        {
          lineNumber: 2,
          denied: true,
          edits: [
            { code: 'PTP_BUNDLED', severity: 'deny' },
            { code: 'DOCUMENTATION', severity: 'warn' },
          ],
        },
      ],
    };
    const claim = price([{ code: '99213' }, { code: '77003' }], validation);
    expect(claim.lines[1]).toMatchObject({ status: 'denied', allowed: 0, deniedBy: ['PTP_BUNDLED'] });
    expect(claim.lines[1].reason).toMatch(/PTP_BUNDLED/);
    expect(claim.lines[1].breakdown?.unitPrice).toBe(88.74);
    expect(claim.totals).toEqual({ allowed: 81.86, medicarePayment: 65.49, coinsurance: 16.37 });
  });

  it('Medicare allows the lower of the actual charge and the fee schedule amount', () => {
    const [line] = price([{ code: '99213', charge: 75 }]).lines;
    expect(line.allowed).toBe(75);
    expect(line.breakdown?.adjustments).toEqual([expect.objectContaining({ kind: 'actual-charge', amountBefore: 81.86, amountAfter: 75 })]);
    expect(price([{ code: '99213', charge: 150 }]).lines[0].allowed).toBe(81.86);
  });
});
