import { loadDefaultCatalog } from '@claimflow/refdata';
import type { RefDataCatalog } from '@claimflow/domain';
import { check, codesAfterFix, findings } from './golden.helpers';

let catalog: RefDataCatalog;
beforeAll(async () => {
  catalog = await loadDefaultCatalog();
});

/** The billing tips and "common mistakes" of the seed pages, each against the shipped tables. */
describe("golden: the seeds' common mistakes", () => {
  it('77003 submitted on its own is denied: it is an add-on', () => {
    expect(findings(check(catalog, ['77003']))).toEqual(['ADDON_WITHOUT_PRIMARY deny 1']);
    expect(findings(check(catalog, ['64520', '77003']))).toEqual([]);
  });

  it('77003 without saved images warns', () => {
    expect(findings(check(catalog, ['64520', { code: '77003', documentation: { imagesSaved: false } }]))).toEqual(['DOCUMENTATION warn 2']);
  });

  it('77003 billed globally by the physician in an ASC needs 26', () => {
    const result = check(catalog, ['64520', '77003'], { placeOfService: '24' });
    expect(findings(result)).toEqual(['PCTC_MODIFIER deny 2']);
    expect(result.correctedClaim.lines[1].modifiers).toEqual(['26']);
  });

  it('77002 and 77003 at separate sites need a distinct-site modifier on every bundled pair (indicator 1)', () => {
    // Knee injection under 77002, lumbar sympathetic block under 77003, same session.
    expect(findings(check(catalog, ['20610', '64520', '77002', '77003']))).toEqual([
      'PTP_BUNDLED deny 2',
      'PTP_BUNDLED deny 3',
      'PTP_BUNDLED deny 4',
    ]);
    const xs = (code: string) => ({ code, modifiers: ['XS'] });
    expect(findings(check(catalog, ['20610', xs('64520'), xs('77002'), xs('77003')]))).toEqual([
      'PTP_BUNDLED warn 2',
      'PTP_BUNDLED warn 3',
      'PTP_BUNDLED warn 4',
    ]);
    // 21550/64520 is an indicator-0 edit: no modifier separates those two.
    expect(findings(check(catalog, ['21550', xs('64520')]))).toEqual(['PTP_BUNDLED deny 2']);
  });

  it('76000 used instead of the specific guidance code (central line) meets the PTP edit', () => {
    expect(findings(check(catalog, ['36556', '76000']))).toEqual(['PTP_BUNDLED deny 2']);
  });

  it('76000 beside 77001 or 77003 is denied', () => {
    expect(findings(check(catalog, ['36556', '77001', '76000']))).toEqual([
      'PTP_BUNDLED deny 3',
      'PTP_BUNDLED deny 3',
      'GUIDANCE_INCLUDED deny 3',
    ]);
    expect(findings(check(catalog, ['64520', '77003', '76000']))).toEqual([
      'PTP_BUNDLED deny 3',
      'PTP_BUNDLED deny 3',
      'GUIDANCE_INCLUDED deny 3',
    ]);
  });

  it('77002 used for spinal needle guidance is denied, with 77003 suggested', () => {
    const result = check(catalog, ['62284', '77002']);
    expect(findings(result)).toEqual(['PTP_BUNDLED deny 2', 'ADDON_WITHOUT_PRIMARY deny 2', 'GUIDANCE_INCLUDED deny 2']);
    expect(result.edits.find((e) => e.code === 'GUIDANCE_INCLUDED')!.fix).toMatchObject({
      action: 'replace-code',
      replacementCode: '77003',
    });
  });

  it('77003 with 62270 (lumbar puncture) is not reported', () => {
    expect(findings(check(catalog, ['62270', '77003']))).toContain('GUIDANCE_INCLUDED deny 2');
  });

  it('facility claims: 77001-77003 are packaged (info), 76000 is paid separately', () => {
    const hopd = { claimType: 'institutional', placeOfService: '22' };
    expect(findings(check(catalog, ['36556', '77001'], hopd))).toEqual(['FACILITY_PACKAGED info 2']);
    expect(findings(check(catalog, ['64520', '77003'], hopd))).toEqual(['FACILITY_PACKAGED info 2']);
    expect(findings(check(catalog, ['44500', '76000'], hopd))).toEqual([]);
  });

  it('orthopedic external fixation bundles fluoroscopy (20696 with 76000)', () => {
    expect(findings(check(catalog, ['20696', '76000']))).toEqual(['PTP_BUNDLED deny 2']);
  });

  it('hip arthrography with 77002 is separately billable since CCI 16.1 (27093, 27095)', () => {
    expect(findings(check(catalog, ['27093', '77002']))).toEqual([]);
    expect(findings(check(catalog, ['27095', '77002']))).toEqual([]);
  });

  it('joint injection: 20610 + 77002 is billable, 20611 (ultrasound-guided) + 77002 is not', () => {
    expect(findings(check(catalog, ['20610', '77002']))).toEqual([]);
    expect(findings(check(catalog, ['20611', '77002']))).toEqual(['PTP_BUNDLED deny 2', 'ADDON_WITHOUT_PRIMARY deny 2']);
  });

  it('77002 once per session: 2 units are denied (MUE 1, MAI 3) and corrected to 1', () => {
    const result = check(catalog, ['21550', { code: '77002', units: 2 }]);
    expect(findings(result)).toEqual(['MUE_EXCEEDED deny 2']);
    expect(codesAfterFix(result)).toEqual(['21550', '77002']);
  });

  it('76000 over an hour: nothing more to bill (76001 is gone)', () => {
    const result = check(catalog, ['44500', { code: '76000', documentation: { fluoroscopyMinutes: 75, signedReport: true } }]);
    expect(findings(result)).toEqual(['DOCUMENTATION warn 2']);
  });
});
