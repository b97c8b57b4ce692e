import { priceLine } from './price-claim';
import { ClaimPricer } from './claim-pricer';
import { fixtureClaim, pricingCatalog } from './testing/pricing-fixture';

const catalog = pricingCatalog();
const claim = fixtureClaim([{ code: '27130' }, { code: '27447' }], { placeOfService: '21' });

describe('priceLine and ClaimPricer', () => {
  it('prices one line with the rest of the claim in view', () => {
    const line = priceLine(claim, 2, undefined, catalog);
    // 27447 is the lower of the two surgeries: 1138.09 x 50% = 569.05
    expect(line).toMatchObject({ ok: true, value: { lineNumber: 2, code: '27447', allowed: 569.05 } });
  });

  it('BAD_REQUEST for a line the claim does not have', () => {
    expect(priceLine(claim, 9, undefined, catalog)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('a ClaimPricer gives the same result as priceClaim, claim after claim', () => {
    const pricer = new ClaimPricer(catalog);
    const first = pricer.price(claim);
    const second = pricer.price(fixtureClaim([{ code: '99213' }]));
    expect(first.ok && first.value.totals.allowed).toBe(1708.45); // 1139.40 + 569.05
    expect(second.ok && second.value.totals.allowed).toBe(81.86);
    expect(pricer.price(fixtureClaim([{ code: '99213', dateOfService: '2024-01-02' }]))).toMatchObject({
      ok: false,
      error: { code: 'NO_RELEASE_IN_FORCE' },
    });
  });
});
