import claimResource from '../__fixtures__/fhir/lesi-pos22.claim.fhir.json';
import bundle from '../__fixtures__/fhir/claims.bundle.fhir.json';
import { fromFhir, readFhir } from './from-fhir';

describe('fromFhir', () => {
  it('reads a Claim whose provider, care team, facility and coverage are contained resources', () => {
    const [result] = fromFhir(claimResource);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toEqual({
      claimId: 'fhir-lesi-2025-0001',
      submitterClaimId: 'LESI-2025-0001',
      claimType: 'professional',
      frequencyCode: '1',
      placeOfService: '22',
      payer: { type: 'medicare-part-b', id: '13202' },
      billingProvider: { npi: '1234567893', zip: '10016' },
      renderingProviderNpi: '1049726353',
      serviceFacility: { npi: '1286340579', zip: '10016' },
      diagnoses: ['M5416', 'M48061'],
      lines: [
        { lineNumber: 1, code: '62323', modifiers: [], units: 1, charge: 950, dateOfService: '2025-03-14', diagnosisPointers: [1, 2] },
        { lineNumber: 2, code: '77003', modifiers: ['26'], units: 1, charge: 180, dateOfService: '2025-03-14', diagnosisPointers: [1] },
      ],
    });
  });

  it('gives one result per Claim of a Bundle, resolving fullUrl and Type/id references', () => {
    const [good, bad] = fromFhir(bundle, { claimIdFor: (_c, i) => `cf-${i}`, submitterId: 'northside' });
    if (!good.ok) throw new Error(JSON.stringify(good.error));
    expect(good.value).toMatchObject({
      claimId: 'cf-0',
      submitterId: 'northside',
      submitterClaimId: 'NGT-2025-0402',
      placeOfService: '11',
      payer: { type: 'medicare-part-b', id: '06102' },
      billingProvider: { npi: '1234567893', zip: '60611' },
      renderingProviderNpi: '1552081964',
      diagnoses: ['R1310'],
    });
    expect(good.value.lines.map((l) => [l.code, l.charge])).toEqual([
      ['44500', 400],
      ['76000', 120],
    ]);
    expect(bad.ok ? [] : bad.error.map((e) => `${e.path} ${e.code} ${e.source}`)).toEqual([
      'lines[0].code FHIR_CODE_SYSTEM Claim.item[0].productOrService',
      'billingProvider.npi NPI_CHECK_DIGIT Claim.provider.npi',
      'lines[0].modifiers[0] MODIFIER_FORMAT Claim.item[0].modifier[0]',
      'lines[0].units UNITS_INVALID Claim.item[0].quantity',
      'lines[0].dateOfService DATE_INVALID Claim.item[0].serviced[x]',
      'lines[0].diagnosisPointers[0] POINTER_INVALID Claim.item[0].diagnosisSequence[0]',
    ]);
  });

  it('refuses resources that are not claims', () => {
    expect(fromFhir({ resourceType: 'Patient' })).toEqual([
      {
        ok: false,
        error: [
          {
            path: '',
            code: 'FHIR_RESOURCE_UNSUPPORTED',
            message: 'expected a Claim or a Bundle of Claims, got Patient',
            source: 'resourceType',
          },
        ],
      },
    ]);
    const [empty] = fromFhir({ resourceType: 'Bundle', entry: [] });
    expect(empty.ok ? '' : empty.error[0].code).toBe('FHIR_RESOURCE_UNSUPPORTED');
  });
});

describe('readFhir', () => {
  it('keeps the FHIR id and submitter claim id of failing Claims', () => {
    expect(readFhir(bundle).map((r) => [r.index, r.fhirId, r.submitterClaimId, r.result.ok])).toEqual([
      [0, 'nasoenteric-1', 'NGT-2025-0402', true],
      [1, 'bad-1', 'BAD-2025-0402', false],
    ]);
  });
});

describe('fromFhir item quantity', () => {
  const withQuantity = (quantity: unknown) => {
    const [first, ...rest] = claimResource.item;
    const { quantity: _q, ...item } = first;
    return { ...claimResource, item: [quantity === undefined ? item : { ...item, quantity }, ...rest] };
  };

  it('counts an item without quantity as one unit and checks any other value', () => {
    const [absent] = fromFhir(withQuantity(undefined));
    expect(absent.ok && absent.value.lines[0].units).toBe(1);
    const [bad] = fromFhir(withQuantity({ value: 'two' }));
    expect(bad.ok ? [] : bad.error.map((e) => `${e.path} ${e.code}`)).toEqual(['lines[0].units UNITS_INVALID']);
  });
});
