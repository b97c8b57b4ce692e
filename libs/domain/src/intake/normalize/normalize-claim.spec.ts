import { normalizeClaim } from './normalize-claim';

const base = {
  submitterClaimId: 'PT-1001',
  placeOfService: '11',
  billingProvider: { npi: '1234567893', zip: '10016' },
  diagnoses: ['m54.16'],
  lines: [
    { code: '62323', modifiers: [], units: 1, charge: 950, dateOfService: '2025-03-14', diagnosisPointers: [1] },
    { code: '77003', modifiers: ['26'], units: 1, charge: 180, dateOfService: '2025-03-14', diagnosisPointers: [1] },
  ],
};

describe('normalizeClaim', () => {
  it('assigns the ClaimFlow id, upper-cases codes and drops ICD-10 dots', () => {
    const input = {
      ...base,
      claimId: 'ignored',
      lines: [
        { ...base.lines[0], code: '62323' },
        { ...base.lines[1], code: 'g0283', modifiers: ['gp'] },
      ],
    };
    const result = normalizeClaim(input, { claimId: 'cf-1', submitterId: 'acme' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.claimId).toBe('cf-1');
    expect(result.value.submitterId).toBe('acme');
    expect(result.value.diagnoses).toEqual(['M5416']);
    expect(result.value.lines[1]).toMatchObject({ lineNumber: 2, code: 'G0283', modifiers: ['GP'] });
    expect(result.value.payer).toEqual({ type: 'medicare-part-b' });
    expect(result.value.frequencyCode).toBe('1');
  });

  it('reports every field problem at once with canonical paths', () => {
    const input = {
      ...base,
      placeOfService: '30',
      billingProvider: { npi: '1234567890', zip: '1001' },
      diagnoses: ['M54.16', '123.4'],
      lines: [
        { code: '7700', modifiers: ['26'], units: 1, dateOfService: '2025-02-30' },
        { code: '77002', modifiers: ['26', 'ZZ', 'LT', 'RT', '59'], units: 0, dateOfService: '2025-03-01', diagnosisPointers: [3] },
        { code: '77003', modifiers: ['26', '26'], units: 1.5, dateOfService: '2025-03-01', placeOfService: '11' },
      ],
    };
    const result = normalizeClaim(input, { claimId: 'cf-2' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((e) => `${e.path} ${e.code}`).sort()).toEqual([
      'billingProvider.npi NPI_CHECK_DIGIT',
      'billingProvider.zip ZIP_FORMAT',
      'diagnoses[1] ICD10_FORMAT',
      'lines[0].code CODE_FORMAT',
      'lines[0].dateOfService DATE_INVALID',
      'lines[1].diagnosisPointers[0] POINTER_INVALID',
      'lines[1].modifiers TOO_MANY_MODIFIERS',
      'lines[1].modifiers[1] MODIFIER_UNKNOWN',
      'lines[1].units UNITS_INVALID',
      'lines[2].modifiers[1] MODIFIER_DUPLICATE',
      'lines[2].units UNITS_INVALID',
      'placeOfService POS_UNKNOWN',
    ]);
  });

  it('requires the claim basics', () => {
    const result = normalizeClaim({ lines: [] }, { claimId: 'cf-3' });
    expect(result.ok ? [] : result.error.map((e) => `${e.path} ${e.code}`)).toEqual([
      'submitterClaimId REQUIRED',
      'billingProvider REQUIRED',
      'lines REQUIRED',
      'placeOfService REQUIRED',
    ]);
    expect(normalizeClaim('nope', { claimId: 'x' })).toEqual({
      ok: false,
      error: [{ path: '', code: 'TYPE_INVALID', message: 'a claim must be a JSON object' }],
    });
  });

  it('rejects 51 lines but accepts 50', () => {
    const line = base.lines[0];
    const fifty = normalizeClaim({ ...base, lines: Array.from({ length: 50 }, () => line) }, { claimId: 'cf-4' });
    expect(fifty.ok && fifty.value.lines.map((l) => l.lineNumber).at(-1)).toBe(50);
    const many = normalizeClaim({ ...base, lines: Array.from({ length: 51 }, () => line) }, { claimId: 'cf-5' });
    expect(many.ok ? [] : many.error.map((e) => e.code)).toEqual(['TOO_MANY_LINES']);
  });

  it('takes the claim place of service from the lines and keeps only differing line values', () => {
    const { placeOfService: _p, ...rest } = base;
    const input = {
      ...rest,
      lines: [
        { ...base.lines[0], placeOfService: '22' },
        { ...base.lines[1], placeOfService: '11' },
      ],
    };
    const result = normalizeClaim(input, { claimId: 'cf-6' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.placeOfService).toBe('22');
    expect(result.value.lines[0].placeOfService).toBeUndefined();
    expect(result.value.lines[1].placeOfService).toBe('11');
  });

  it('accepts ICD-10-CM special-purpose U codes and rejects ICD-9', () => {
    const good = normalizeClaim({ ...base, diagnoses: ['u07.1', 'U09.9'] }, { claimId: 'cf-8' });
    expect(good.ok && good.value.diagnoses).toEqual(['U071', 'U099']);
    const icd9 = normalizeClaim({ ...base, diagnoses: ['724.2'] }, { claimId: 'cf-9' });
    expect(icd9.ok ? [] : icd9.error.map((e) => e.code)).toEqual(['ICD10_FORMAT', 'POINTER_INVALID', 'POINTER_INVALID']);
  });

  it('accepts ZIP+4 with a hyphen, numeric strings for units and single-digit POS', () => {
    const input = {
      ...base,
      placeOfService: 2,
      billingProvider: { npi: '1234567893', zip: '10016-4305' },
      lines: [{ ...base.lines[0], units: '2' }],
    };
    const result = normalizeClaim(input, { claimId: 'cf-7' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.billingProvider.zip).toBe('100164305');
    expect(result.value.placeOfService).toBe('02');
    expect(result.value.lines[0].units).toBe(2);
  });
});
