import { priceClaim } from './price-claim';
import { fixtureClaim, pricingCatalog, type LineSpec } from './testing/pricing-fixture';

const catalog = pricingCatalog();

/** Inpatient hospital (POS 21), Alabama: the major surgeries are NA outside a facility. */
function price(lines: LineSpec[], pos = '21') {
  const p = priceClaim(fixtureClaim(lines, { placeOfService: pos }), undefined, catalog);
  if (!p.ok) throw new Error(p.error.message);
  return p.value.lines;
}

// 27130 facility, Alabama: (19.60 + 15.34 x 0.869 + 3.99 x 0.575) x 32.3465 = 35.22471 x 32.3465 = 1139.397... -> 1139.40
const HIP = 1139.4;

describe('bilateral, assistant, co-surgeon and team modifiers', () => {
  it('bilateral indicator 1 with modifier 50: 150%', () => {
    const [line] = price([{ code: '27130', modifiers: ['50'] }]);
    expect(line.breakdown?.unitPrice).toBe(HIP);
    expect(line.allowed).toBe(1709.1); // 1139.40 x 1.5
    expect(line.breakdown?.adjustments[0]).toMatchObject({ kind: 'bilateral', factor: 1.5, amountBefore: HIP, amountAfter: 1709.1 });
  });

  it('bilateral indicator 2 (already bilateral) and 0 (adjustment does not apply): 100%', () => {
    // 69210 facility: (0.61 + 0.28 x 0.869 + 0.07 x 0.575) x 32.3465 = 0.89357 x 32.3465 = 28.9039... -> 28.90
    const [already] = price([{ code: '69210', modifiers: ['50'] }]);
    expect(already.allowed).toBe(28.9);
    expect(already.breakdown?.adjustments[0].description).toMatch(/already bilateral/);
    // 22612: (23.53 + 17.86 x 0.869 + 6.64 x 0.575) x 32.3465 = 42.86834 x 32.3465 = 1386.64... -> 1386.64
    const [notApplicable] = price([{ code: '22612', modifiers: ['50'] }]);
    expect(notApplicable.allowed).toBe(1386.64);
    expect(notApplicable.breakdown?.adjustments[0].description).toMatch(/does not apply/);
  });

  it('bilateral indicator 3: 100% each side', () => {
    // 70030 office: (0.18 + 0.79 x 0.869 + 0.02 x 0.575) x 32.3465 = 0.87801 x 32.3465 = 28.4005... -> 28.40; x 2
    const [line] = price([{ code: '70030', modifiers: ['50'] }], '11');
    expect(line.allowed).toBe(56.8);
  });

  it('assistant at surgery (80, 81, 82): 16%; AS: 13.6%, when the indicator is 2', () => {
    const [m80, m82, as] = price([
      { code: '27130', modifiers: ['80'] },
      { code: '27130', modifiers: ['82'], renderingProviderNpi: '1111111112' },
      { code: '27130', modifiers: ['AS'], renderingProviderNpi: '2222222224' },
    ]);
    // One procedure per provider, so no multiple surgery reduction; 1139.40 x 0.16 = 182.304; x 0.136 = 154.9584
    expect([m80.allowed, m82.allowed, as.allowed]).toEqual([182.3, 182.3, 154.96]);
    expect(as.breakdown?.adjustments[0]).toMatchObject({ kind: 'assistant-at-surgery', factor: 0.136 });
  });

  it('an assistant is ranked apart from the surgeon under the same NPI', () => {
    // surgeon: 27130 in full, 27447 at 50%; assistant on 27130: 16% of 1139.40 = 182.30, never reduced against the surgeon's lines
    const [hip, knee, assistant] = price([{ code: '27130' }, { code: '27447' }, { code: '27130', modifiers: ['80'] }]);
    expect([hip.allowed, knee.allowed, assistant.allowed]).toEqual([1139.4, 569.05, 182.3]);
  });

  it('assistant not payable when the indicator restricts it', () => {
    const [statutory, documentation] = price([
      { code: '43235', modifiers: ['80'] },
      { code: '99213', modifiers: ['AS'] },
    ]);
    expect(statutory).toMatchObject({ status: 'not-payable', allowed: 0 });
    expect(statutory.reason).toMatch(/statutory payment restriction \(indicator 1\)/);
    expect(documentation.reason).toMatch(/indicator 0/);
  });

  it('co-surgeons (62): 62.5% with indicator 2, not payable with indicator 1', () => {
    const [allowed, documented] = price([
      { code: '22612', modifiers: ['62'] },
      { code: '27130', modifiers: ['62'], renderingProviderNpi: '1111111112' },
    ]);
    expect(allowed.allowed).toBe(866.65); // 1386.64 x 0.625 = 866.65
    expect(documented.status).toBe('not-payable');
    expect(documented.reason).toMatch(/documentation of medical necessity \(indicator 1\)/);
  });

  it('team surgery (66): carrier priced by report, or not permitted', () => {
    const [team, notPermitted] = price([
      { code: '22818', modifiers: ['66'] },
      { code: '33533', modifiers: ['66'] },
    ]);
    expect(team).toMatchObject({ status: 'no-price', allowed: 0 });
    expect(team.reason).toMatch(/priced by report by the carrier/);
    expect(notPermitted.status).toBe('not-payable');
  });
});
