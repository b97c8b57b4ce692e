import { loadDefaultCatalog } from '@claimflow/refdata';
import type { RefDataCatalog } from '@claimflow/domain';
import { check, codesAfterFix, findings } from './golden.helpers';

let catalog: RefDataCatalog;
beforeAll(async () => {
  catalog = await loadDefaultCatalog();
});

describe('golden: seed scenarios against the shipped reference data', () => {
  it('62323 + 77003: 77003 denied by PTP (indicator 1), add-on and guidance edits; 59 only softens the PTP one', () => {
    const plain = check(catalog, ['62323', '77003']);
    expect(findings(plain)).toEqual(['PTP_BUNDLED deny 2', 'ADDON_WITHOUT_PRIMARY deny 2', 'GUIDANCE_INCLUDED deny 2']);
    const ptp = plain.edits.find((e) => e.code === 'PTP_BUNDLED')!;
    expect(ptp.source).toMatchObject({
      dataset: 'ncci-ptp-practitioner',
      release: 'NCCI-2024Q3',
      modifierIndicator: '1',
      rationale: 'CPT Manual or CMS manual coding instruction',
      effective: null,
      deletion: null,
    });
    expect(ptp.source.notes?.[0]).toContain('PTP effective dates are missing');
    const with59 = check(catalog, ['62323', { code: '77003', modifiers: ['59'] }]);
    expect(findings(with59)).toEqual(['PTP_BUNDLED warn 2', 'ADDON_WITHOUT_PRIMARY deny 2', 'GUIDANCE_INCLUDED deny 2']);
    expect(codesAfterFix(with59)).toEqual(['62323']);
  });

  it('facet injections 64490 + 64491 with 77003: only 77003 is denied', () => {
    const result = check(catalog, ['64490', '64491', '77003']);
    expect(findings(result)).toEqual([
      'PTP_BUNDLED deny 3',
      'PTP_BUNDLED deny 3',
      'ADDON_WITHOUT_PRIMARY deny 3',
      'GUIDANCE_INCLUDED deny 3',
    ]);
    expect(codesAfterFix(result)).toEqual(['64490', '64491']);
  });

  it('76000 beside 77002 (chest-wall biopsy): 76000 denied and removed', () => {
    const result = check(catalog, ['21550', '77002', '76000']);
    expect(findings(result)).toEqual(['PTP_BUNDLED deny 3', 'GUIDANCE_INCLUDED deny 3']);
    expect(codesAfterFix(result)).toEqual(['21550', '77002']);
  });

  it('77003 x2 for two levels: MUE 1 (MAI 3) and once per session; corrected to 1 unit', () => {
    const result = check(catalog, ['64520', { code: '77003', units: 2 }]);
    expect(findings(result)).toEqual(['MUE_EXCEEDED deny 2', 'GUIDANCE_INCLUDED deny 2']);
    expect(result.edits.find((e) => e.code === 'MUE_EXCEEDED')!.source).toMatchObject({
      adjudicationIndicator: 3,
      rationale: 'CMS Policy',
    });
    expect(codesAfterFix(result)).toEqual(['64520', '77003']);
  });

  it('76001 is deleted (2019-01-01) and replaced by 76000', () => {
    const result = check(catalog, ['44500', '76001']);
    expect(findings(result)).toEqual(['CODE_DELETED deny 2']);
    expect(result.edits.find((e) => e.code === 'CODE_DELETED')!.message).toContain('use 76000 for fluoroscopy up to 1 hour');
    expect(codesAfterFix(result)).toEqual(['44500', '76000']);
  });

  it('central line 36556 with 77001 is valid; PICC 36569 with 77001 meets the real PTP edit and the CPT rule (use 36573)', () => {
    expect(findings(check(catalog, ['36556', '77001']))).toEqual([]);
    const picc = check(catalog, ['36569', '77001']);
    expect(findings(picc)).toEqual(['PTP_BUNDLED deny 2', 'GUIDANCE_INCLUDED deny 2']);
    expect(picc.edits.find((e) => e.code === 'PTP_BUNDLED')!.source.rationale).toBe('CPT Manual or CMS manual coding instruction');
    expect(findings(check(catalog, ['36573', '77001']))).toEqual(['PTP_BUNDLED deny 2', 'GUIDANCE_INCLUDED deny 2']);
    expect(codesAfterFix(check(catalog, ['36573', '77001']))).toEqual(['36573']);
  });

  it('chest-wall biopsy 21550 + 77002 is valid; with 77012 too, 77002 is denied', () => {
    expect(findings(check(catalog, ['21550', '77002']))).toEqual([]);
    expect(findings(check(catalog, ['21550', '77002', '77012']))).toEqual(['PTP_BUNDLED deny 2', 'GUIDANCE_INCLUDED deny 2']);
  });

  it('nasoenteric tube 44500 with 76000 is valid', () => {
    const result = check(catalog, ['44500', { code: '76000', documentation: { fluoroscopyMinutes: 40, signedReport: true } }]);
    expect(findings(result)).toEqual([]);
    expect(result.lines.map((l) => l.denied)).toEqual([false, false]);
  });

  it('a professional component without a signed report warns', () => {
    const result = check(catalog, ['21550', { code: '77002', modifiers: ['26'], documentation: { signedReport: false } }], {
      placeOfService: '22',
    });
    expect(findings(result)).toEqual(['DOCUMENTATION warn 2']);
  });

  it('77002 billed globally in the hospital outpatient department needs 26 (added automatically)', () => {
    const result = check(catalog, ['21550', '77002'], { placeOfService: '22' });
    expect(findings(result)).toEqual(['PCTC_MODIFIER deny 2']);
    expect(result.correctedClaim.lines[1].modifiers).toEqual(['26']);
  });

  it('says that the CY2025 fee schedule stood in for the 2024 one, and lists the releases used', () => {
    const result = check(catalog, ['21550', '77002']);
    const fallback = result.edits.filter((e) => e.code === 'REFDATA_UNAVAILABLE');
    expect(fallback.map((e) => [e.severity, e.source.dataset, e.source.release])).toEqual([['warn', 'mpfs-rvu', 'MPFS-2025-OCT']]);
    expect(result.releases).toEqual(['MPFS-2025-OCT', 'NCCI-2024Q3']);
  });
});
