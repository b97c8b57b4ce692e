import { feeLookup } from './fee-lookup';
import { NATIONAL_NOTE } from './locality';
import { pricingCatalog } from './testing/pricing-fixture';

const catalog = pricingCatalog({ with2026: true });

function lookup(code: string, options: Parameters<typeof feeLookup>[1]) {
  const r = feeLookup(code, options, catalog);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('fee calculator', () => {
  it('shows global, 26 and TC in both settings, nationally, with the note', () => {
    const l = lookup('77003', { date: '2025-03-10' });
    expect(l.components.map((c) => [c.label, c.participating.nonFacility, c.participating.facility])).toEqual([
      ['global', 99.63, null], // 3.08 x 32.3465; NA in a facility
      ['professional (26)', 27.17, 27.17], // 0.84 x 32.3465 = 27.171
      ['technical (TC)', 72.46, null], // 2.24 x 32.3465 = 72.456
    ]);
    expect(l.components[0].limitingCharge.nonFacility).toBe(108.85);
    expect(l.chosen).toMatchObject({
      modifier: '',
      pos: '11',
      setting: 'non-facility',
      status: 'priced',
      allowed: 99.63,
      medicarePayment: 79.7,
      coinsurance: 19.93,
    });
    expect(l.locality.source).toBe('national');
    expect(l.notes).toContain(NATIONAL_NOTE);
    expect(l.conversionFactor).toBe(32.3465);
    expect(l.indicators).toMatchObject({ pctc: '1', globalDays: 'ZZZ', multipleProcedure: '0' });
    expect(l.releases).toContain('MPFS-2025-RVU25D');
  });

  it('prices the chosen modifier and setting at a locality', () => {
    const l = lookup('77003', { modifier: '26', carrier: '10112', locality: '00', pos: '22', date: '2025-03-10' });
    expect(l.chosen).toMatchObject({ modifier: '26', setting: 'facility', allowed: 25.87 });
    expect(l.gpci).toEqual({ work: 1, pe: 0.869, mp: 0.575 });
    expect(l.locality).toMatchObject({ name: 'ALABAMA', source: 'claim' });
  });

  // Until issue #27 a look-up without a date used the start of the newest fee schedule (2026-01-01); it is today now.
  it('maps a ZIP and without a date looks up today', () => {
    jest.useFakeTimers({ now: new Date('2026-11-02T12:00:00Z') });
    const l = lookup('76000', {});
    jest.useRealTimers();
    expect(l.date).toBe('2026-11-02');
    expect(l.chosen.allowed).toBe(44.09);
    expect(lookup('99213', { zip: '35203', date: '2025-03-10' }).chosen.allowed).toBe(81.86);
  });

  it('errors for an unknown code and an unmapped ZIP', () => {
    expect(feeLookup('12345', { date: '2025-03-10' }, catalog)).toMatchObject({ ok: false, error: { code: 'CODE_UNKNOWN' } });
    expect(feeLookup('99213', { zip: '00501', date: '2025-03-10' }, catalog)).toMatchObject({ ok: false, error: { code: 'ZIP_UNMAPPED' } });
    expect(feeLookup('99213', { date: '2020-01-01' }, catalog)).toMatchObject({ ok: false, error: { code: 'NO_RELEASE_IN_FORCE' } });
  });
});
