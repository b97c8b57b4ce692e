import { priceClaim } from './price-claim';
import { fixtureClaim, pricingCatalog, type LineSpec } from './testing/pricing-fixture';

const catalog = pricingCatalog();

function price(lines: LineSpec[], pos = '11') {
  const p = priceClaim(fixtureClaim(lines, { placeOfService: pos }), undefined, catalog);
  if (!p.ok) throw new Error(p.error.message);
  return p.value.lines;
}

describe('setting, component rows and units', () => {
  it('prices non-facility PE in the office and facility PE in a hospital; the line POS wins', () => {
    // facility: (1.30 + 0.57 x 0.869 + 0.10 x 0.575) x 32.3465 = 1.85283 x 32.3465 = 59.932... -> 59.93
    const [office, hospital, lineOverride] = [
      ...price([{ code: '99213' }]),
      ...price([{ code: '99213' }], '22'),
      ...price([{ code: '99213', placeOfService: '21' }]),
    ];
    expect([office.setting, office.allowed]).toEqual(['non-facility', 81.86]);
    expect([hospital.setting, hospital.allowed]).toEqual(['facility', 59.93]);
    expect([lineOverride.setting, lineOverride.allowed]).toEqual(['facility', 59.93]);
  });

  it('prices 26 and TC from their own rows', () => {
    const [pc, tc, global] = price([{ code: '77003', modifiers: ['26'] }, { code: '77003', modifiers: ['TC'] }, { code: '77003' }]);
    // 26: (0.60 + 0.21 x 0.869 + 0.03 x 0.575) x 32.3465 = 0.79974 x 32.3465 = 25.868... -> 25.87
    // TC: (2.23 x 0.869 + 0.01 x 0.575) x 32.3465 = 1.94362 x 32.3465 = 62.869... -> 62.87
    expect([pc.allowed, tc.allowed, global.allowed]).toEqual([25.87, 62.87, 88.74]);
    expect(pc.breakdown?.rvus).toEqual({ work: 0.6, pe: 0.21, mp: 0.03, total: 0.84 });
  });

  it('multiplies by units after rounding the unit price', () => {
    const [line] = price([{ code: '77003', modifiers: ['26'], units: 3 }]);
    expect(line.breakdown?.unitPrice).toBe(25.87);
    expect(line.allowed).toBe(77.61);
  });

  it('no price where the NA indicator says the setting is not paid', () => {
    const [global] = price([{ code: '77003' }], '22');
    expect(global.status).toBe('no-price');
    expect(global.reason).toMatch(/no facility payment \(NA indicator/);
    const [pc] = price([{ code: '77003', modifiers: ['26'] }], '22');
    expect([pc.status, pc.allowed]).toEqual(['priced', 25.87]);
  });

  it('26 on a code without a professional/technical split is not payable', () => {
    const [line] = price([{ code: '99213', modifiers: ['26'] }]);
    expect(line.status).toBe('not-payable');
    expect(line.reason).toMatch(/no 26 row/);
  });

  it('a code missing from the release has no price and says which release', () => {
    const [line] = price([{ code: '12345' }]);
    expect(line.status).toBe('no-price');
    expect(line.reason).toMatch(/not in fee schedule MPFS-2025-RVU25D/);
    expect(line.breakdown).toBeUndefined();
  });
});
