import { priceClaim } from './price-claim';
import { NATIONAL_NOTE } from './locality';
import { fixtureClaim, pricingCatalog } from './testing/pricing-fixture';

const national = (code: string, date = '2025-03-10') => fixtureClaim([{ code, dateOfService: date }], { locality: undefined });

describe('national amounts reproduce the seed calculators', () => {
  const catalog = pricingCatalog({ with2026: true });

  it.each([
    ['77003', '2025-03-10', 99.63],
    ['77002', '2025-03-10', 110.3],
    ['76000', '2026-02-02', 44.09],
  ])('%s on %s is $%s nationally', (code, date, allowed) => {
    const priced = priceClaim(national(code, date), undefined, catalog, { allowNational: true });
    if (!priced.ok) throw new Error(priced.error.message);
    const line = priced.value.lines[0];
    expect(line.status).toBe('priced');
    expect(line.allowed).toBe(allowed);
    expect(line.breakdown?.gpci.locality.source).toBe('national');
    expect(priced.value.notes).toContain(NATIONAL_NOTE);
  });

  it('reads the conversion factor from the release of the date of service', () => {
    const p25 = priceClaim(national('76000'), undefined, catalog, { allowNational: true });
    const p26 = priceClaim(national('76000', '2026-02-02'), undefined, catalog, { allowNational: true });
    if (!p25.ok || !p26.ok) throw new Error('not priced');
    expect(p25.value.lines[0].breakdown?.conversionFactor).toBe(32.3465);
    expect(p25.value.lines[0].allowed).toBe(41.73); // 1.29 x 32.3465 = 41.726985
    expect(p26.value.lines[0].breakdown?.conversionFactor).toBe(33.4009);
    expect(p26.value.lines[0].breakdown?.releases).toContain('MPFS-2026-RVU26C');
    expect(p26.value.notes.join(' ')).toMatch(/partial release/);
  });

  it('splits the allowed amount 80/20 and gives the limiting charge', () => {
    const priced = priceClaim(national('77003'), undefined, catalog, { allowNational: true });
    if (!priced.ok) throw new Error(priced.error.message);
    const line = priced.value.lines[0];
    // 80% of 99.63 = 79.704 -> 79.70; 20% = 19.93; limiting 115% of the 95% = 99.63 x 1.0925 = 108.845775 -> 108.85
    expect([line.medicarePayment, line.coinsurance, line.limitingCharge]).toEqual([79.7, 19.93, 108.85]);
    expect(priced.value.totals).toEqual({ allowed: 99.63, medicarePayment: 79.7, coinsurance: 19.93 });
  });
});
