import { loadDefaultCatalog } from '@claimflow/refdata';
import { validateClaim, type RefDataCatalog } from '@claimflow/domain';
import { check, codesAfterFix, findings, goldenClaim } from './golden.helpers';

let catalog: RefDataCatalog;
beforeAll(async () => {
  catalog = await loadDefaultCatalog();
});

describe('golden: edits drawn from the real NCCI 2024Q3 and MPFS 2025 tables', () => {
  it('modifier-0 pair 62321/62320: 62320 denied even with 59, removed automatically', () => {
    const result = check(catalog, ['62321', { code: '62320', modifiers: ['59'] }]);
    expect(findings(result)).toEqual(['PTP_BUNDLED deny 2']);
    expect(result.edits.find((e) => e.code === 'PTP_BUNDLED')!.source).toMatchObject({
      modifierIndicator: '0',
      rationale: 'HCPCS/CPT procedure code definition',
    });
    expect(codesAfterFix(result)).toEqual(['62321']);
  });

  it('modifier-1 pair 20610/20552: denied without a modifier (XS suggested, not applied), warned with XS', () => {
    const bare = check(catalog, ['20610', '20552']);
    expect(findings(bare)).toEqual(['PTP_BUNDLED deny 2']);
    expect(bare.edits.find((e) => e.code === 'PTP_BUNDLED')!.fix).toMatchObject({
      action: 'add-modifier',
      modifier: 'XS',
      automatic: false,
    });
    expect(codesAfterFix(bare)).toEqual(['20610', '20552']);
    expect(findings(check(catalog, ['20610', { code: '20552', modifiers: ['XS'] }]))).toEqual(['PTP_BUNDLED warn 2']);
  });

  it('MUE MAI 1 (G0514 after G0438 + G0513, 1 per line) is a line edit with a manual fix; MAI 3 (76000, 3 per day) sums lines', () => {
    const mai1 = check(catalog, ['G0438', 'G0513', { code: 'G0514', units: 2 }]);
    expect(findings(mai1)).toEqual(['MUE_EXCEEDED deny 3']);
    expect(mai1.edits.find((e) => e.code === 'MUE_EXCEEDED')!).toMatchObject({
      source: { adjudicationIndicator: 1 },
      fix: { units: 1, automatic: false },
    });
    const mai3 = check(catalog, ['44500', { code: '76000', units: 2 }, { code: '76000', units: 2 }]);
    expect(findings(mai3)).toEqual(['MUE_EXCEEDED deny 2,3']);
    expect(codesAfterFix(mai3)).toEqual(['44500', '76000x2', '76000']);
  });

  it('add-on type 1: 64491 with 64490 passes, alone it is denied', () => {
    expect(findings(check(catalog, ['64490', '64491']))).toEqual([]);
    const alone = check(catalog, ['64491']);
    expect(findings(alone)).toEqual(['ADDON_WITHOUT_PRIMARY deny 1']);
    expect(alone.edits.find((e) => e.code === 'ADDON_WITHOUT_PRIMARY')!.message).toContain('(64490)');
  });

  it('add-on type 3: 20701 with an unlisted primary warns', () => {
    expect(findings(check(catalog, ['27447', '20701']))).toEqual(['ADDON_WITHOUT_PRIMARY warn 2']);
    expect(findings(check(catalog, ['11010', '20701']))).toEqual([]);
  });

  it('deleted edit 27093/77002 (deletion 2010-03-31) applies on its last day and not after', () => {
    const before = check(catalog, [
      { code: '27093', dateOfService: '2010-03-31' },
      { code: '77002', dateOfService: '2010-03-31' },
    ]);
    const ptp = before.edits.filter((e) => e.code === 'PTP_BUNDLED');
    expect(ptp.map((e) => [e.severity, e.lines[0], e.source.deletion])).toEqual([['deny', 2, '2010-03-31']]);
    const after = check(catalog, [
      { code: '27093', dateOfService: '2010-04-01' },
      { code: '77002', dateOfService: '2010-04-01' },
    ]);
    expect(after.edits.filter((e) => e.code === 'PTP_BUNDLED')).toEqual([]);
  });

  it('institutional claim: guidance is packaged, and the missing hospital PTP table is reported, not replaced', () => {
    const result = check(catalog, ['21550', '77002', '76000'], { claimType: 'institutional', placeOfService: '22' });
    expect(findings(result)).toEqual(['GUIDANCE_INCLUDED deny 3', 'FACILITY_PACKAGED info 2']);
    const hospital = result.edits.find((e) => e.source.dataset === 'ncci-ptp-hospital')!;
    expect(hospital).toMatchObject({ code: 'REFDATA_UNAVAILABLE', severity: 'warn' });
  });

  it('status codes from the fee schedule: bundled 36000 and invalid 0001F are denied', () => {
    expect(findings(check(catalog, ['99213', '36000', '0001F']))).toEqual(['CODE_NOT_PAYABLE deny 2', 'CODE_NOT_PAYABLE deny 3']);
  });

  it('strict mode: with no fee schedule in force for 2024, status checks are skipped with a warning', () => {
    const result = validateClaim(goldenClaim(['99213', '36000']), catalog);
    expect(result.edits.map((e) => `${e.code} ${e.source.dataset}`)).toEqual(['REFDATA_UNAVAILABLE mpfs-rvu']);
    expect(result.edits[0].message).toContain('No mpfs-rvu release is in force on 2024-08-15');
  });
});
