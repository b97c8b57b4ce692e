import { priceClaim } from './price-claim';
import { fixtureClaim, pricingCatalog, type LineSpec } from './testing/pricing-fixture';

const LA = { carrier: '01182', locality: '18' };

function price(lines: LineSpec[], o: { pos?: string; locality?: typeof LA; withOppsCap?: boolean } = {}) {
  const claim = fixtureClaim(lines, { placeOfService: o.pos ?? '11', locality: o.locality ?? LA });
  const p = priceClaim(claim, undefined, pricingCatalog({ withOppsCap: o.withOppsCap ?? true }));
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

describe('OPPS imaging cap', () => {
  it('caps the non-facility global at the locality OPPS amount', () => {
    // 70496 Los Angeles: (1.75 x 1.042 + 6.56 x 1.194 + 0.11 x 0.69) x CF = 9.73204 x 32.3465 = 314.80 > cap 297.42
    const [line] = price([{ code: '70496' }]).lines;
    expect(line.breakdown?.unitPrice).toBe(314.8);
    expect(line.allowed).toBe(297.42);
    expect(line.breakdown?.adjustments).toEqual([
      expect.objectContaining({ kind: 'opps-cap', amountBefore: 314.8, amountAfter: 297.42, factor: 0.9448 }),
    ]);
    expect(line.breakdown?.releases).toContain('OPPSCAP-2025-OCT');
  });

  it('caps TC', () => {
    // 70496-TC LA: (5.93 x 1.194 + 0.03 x 0.69) x CF = 7.10112 x CF = 229.70 > 212.32
    expect(price([{ code: '70496', modifiers: ['TC'] }]).lines[0].allowed).toBe(212.32);
  });

  it('leaves the professional component and facility settings alone', () => {
    // 70496-26 LA: (1.75 x 1.042 + 0.63 x 1.194 + 0.08 x 0.69) x CF = 2.63092 x CF = 85.10
    expect(price([{ code: '70496', modifiers: ['26'] }]).lines[0].allowed).toBe(85.1);
    expect(price([{ code: '70496', modifiers: ['26'] }], { pos: '22' }).lines[0].breakdown?.adjustments).toEqual([]);
  });

  it('applies after the imaging reduction, to what is left', () => {
    // 70496 AL 243.05 ranks first and is capped at 230.40; 70486 AL 112.75 is reduced to 75.52 x 50% + 37.23 x 95% -> 37.76 + 35.37 = 73.13
    const claim = price([{ code: '70486' }, { code: '70496' }], { locality: { carrier: '10112', locality: '00' } });
    expect(claim.lines.map((l) => l.allowed)).toEqual([73.13, 230.4]);
    expect(claim.lines[1].breakdown?.adjustments.map((a) => a.kind)).toEqual(['opps-cap']);
  });

  it('says so when no OPPS cap release is loaded', () => {
    const claim = price([{ code: '70496' }], { withOppsCap: false });
    expect(claim.lines[0].allowed).toBe(314.8);
    expect(claim.notes.join(' ')).toMatch(/OPPS imaging cap was not checked/);
  });
});
