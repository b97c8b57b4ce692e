import { priceClaim } from './price-claim';
import { fixtureClaim, pricingCatalog } from './testing/pricing-fixture';

const catalog = pricingCatalog();
const line = [{ code: '99213' }];

function errorOf(result: ReturnType<typeof priceClaim>) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('locality', () => {
  it('uses claim.locality first', () => {
    const p = priceClaim(
      fixtureClaim(line, { locality: { carrier: '01182', locality: '18' }, billingProvider: { npi: '1234567893', zip: '35203' } }),
      undefined,
      catalog,
    );
    if (!p.ok) throw new Error(p.error.message);
    // (1.30 x 1.042 + 1.35 x 1.194 + 0.10 x 0.69) x 32.3465 = 3.0355 x 32.3465 = 98.187... -> 98.19
    expect(p.value.lines[0].allowed).toBe(98.19);
    expect(p.value.lines[0].breakdown?.gpci.locality).toEqual({
      carrier: '01182',
      locality: '18',
      name: 'LOS ANGELES-LONG BEACH-ANAHEIM (LOS ANGELES/ORANGE CNTY)',
      source: 'claim',
    });
  });

  it('maps the service-facility ZIP before the billing-provider ZIP', () => {
    const claim = fixtureClaim(line, {
      locality: undefined,
      serviceFacility: { zip: '900121234' },
      billingProvider: { npi: '1234567893', zip: '35203' },
    });
    const p = priceClaim(claim, undefined, catalog);
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.lines[0].breakdown?.gpci.locality).toMatchObject({ carrier: '01182', locality: '18', source: 'zip' });
    expect(p.value.releases).toContain('ZIP5-2025Q4');
  });

  it('falls back to the billing-provider ZIP', () => {
    const p = priceClaim(
      fixtureClaim(line, { locality: undefined, billingProvider: { npi: '1234567893', zip: '35203' } }),
      undefined,
      catalog,
    );
    if (!p.ok) throw new Error(p.error.message);
    // (1.30 + 1.35 x 0.869 + 0.10 x 0.575) x 32.3465 = 2.53065 x 32.3465 = 81.857... -> 81.86
    expect(p.value.lines[0].allowed).toBe(81.86);
  });

  it('says when a ZIP needs the ZIP+4 file', () => {
    const p = priceClaim(
      fixtureClaim(line, { locality: undefined, billingProvider: { npi: '1234567893', zip: '35958' } }),
      undefined,
      catalog,
    );
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.notes.join(' ')).toMatch(/ZIP 35958 spans more than one locality/);
  });

  it('ZIP_UNMAPPED for a ZIP the crosswalk does not know', () => {
    const e = errorOf(
      priceClaim(fixtureClaim(line, { locality: undefined, billingProvider: { npi: '1234567893', zip: '00501' } }), undefined, catalog),
    );
    expect(e.code).toBe('ZIP_UNMAPPED');
    expect(e.message).toMatch(/00501/);
  });

  it('LOCALITY_UNKNOWN for a carrier/locality missing from the GPCI release', () => {
    expect(errorOf(priceClaim(fixtureClaim(line, { locality: { carrier: '99999', locality: '99' } }), undefined, catalog)).code).toBe(
      'LOCALITY_UNKNOWN',
    );
    expect(
      errorOf(
        priceClaim(fixtureClaim(line, { locality: undefined, billingProvider: { npi: '1234567893', zip: '99999' } }), undefined, catalog),
      ).code,
    ).toBe('LOCALITY_UNKNOWN');
  });

  it('NO_LOCALITY without locality or ZIP unless national pricing is allowed', () => {
    const claim = fixtureClaim(line, { locality: undefined });
    expect(errorOf(priceClaim(claim, undefined, catalog)).code).toBe('NO_LOCALITY');
    const p = priceClaim(claim, undefined, catalog, { allowNational: true });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.lines[0].breakdown?.gpci).toMatchObject({ work: 1, pe: 1, mp: 1 });
  });

  it('NO_RELEASE_IN_FORCE for a date no release covers, unless the caller asks for the latest', () => {
    const claim = fixtureClaim([{ code: '99213', dateOfService: '2024-06-01' }]);
    const e = errorOf(priceClaim(claim, undefined, catalog));
    expect(e).toMatchObject({ code: 'NO_RELEASE_IN_FORCE', dataset: 'mpfs-rvu', date: '2024-06-01' });
    const p = priceClaim(claim, undefined, catalog, { refdataFallback: 'latest' });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.lines[0].allowed).toBe(81.86);
    expect(p.value.notes.join(' ')).toMatch(/newest loaded release MPFS-2025-RVU25D was used/);
  });

  it('NO_RELEASE_IN_FORCE when the ZIP route is needed and no crosswalk is loaded', () => {
    const claim = fixtureClaim(line, { locality: undefined, billingProvider: { npi: '1234567893', zip: '35203' } });
    expect(errorOf(priceClaim(claim, undefined, pricingCatalog({ withZip: false }))).dataset).toBe('mpfs-zip5');
  });
});
