import { validateClaim } from './validate-claim';
import { claimWith } from './testing/claim.fixture';
import { fluoroCatalog } from './testing/fluoro.fixture';
import { deniedLines, only, summary } from './testing/result.helpers';

const catalog = fluoroCatalog();
const check = (...args: Parameters<typeof claimWith>) => validateClaim(claimWith(...args), catalog);

describe('validateClaim: seed scenarios', () => {
  it('62323 + 77003: 77003 is denied by PTP (indicator 1) and by the CPT guidance rule, and 59 does not rescue it', () => {
    const plain = check(['62323', '77003']);
    expect(summary(plain)).toEqual(['PTP_BUNDLED deny 2', 'ADDON_WITHOUT_PRIMARY deny 2', 'GUIDANCE_INCLUDED deny 2']);
    const with59 = check(['62323', { code: '77003', modifiers: ['59'] }]);
    expect(summary(with59)).toEqual(['PTP_BUNDLED warn 2', 'ADDON_WITHOUT_PRIMARY deny 2', 'GUIDANCE_INCLUDED deny 2']);
    const guidance = only(with59, 'GUIDANCE_INCLUDED')[0];
    expect(guidance.message).toContain('A 59 or X{EPSU} modifier does not make this right (the 59 on line 2 is ignored)');
    expect(guidance.source).toMatchObject({ dataset: 'cpt-guidance' });
    expect(deniedLines(with59)).toEqual([2]);
    expect(with59.correctedClaim.lines.map((l) => l.code)).toEqual(['62323']);
  });

  it('facet injections 64490 + 64491 with 77003: 77003 denied, the facet codes pass', () => {
    const result = check(['64490', '64491', '77003']);
    expect(deniedLines(result)).toEqual([3]);
    expect(only(result, 'GUIDANCE_INCLUDED')[0].message).toContain('64490-64495 include image guidance');
    expect(only(result, 'PTP_BUNDLED').map((e) => e.lines[0])).toEqual([3, 3]);
    expect(result.correctedClaim.lines.map((l) => l.code)).toEqual(['64490', '64491']);
  });

  it('76000 beside 77002 (biopsy 21550): 76000 denied by PTP and guidance, removed from the corrected claim', () => {
    const result = check(['21550', '77002', '76000']);
    expect(summary(result)).toEqual(['PTP_BUNDLED deny 3', 'GUIDANCE_INCLUDED deny 3']);
    expect(result.correctedClaim.lines.map((l) => l.code)).toEqual(['21550', '77002']);
  });

  it('77003 x2 units for two levels: MUE (MAI 3) and once-per-session deny, corrected to 1 unit', () => {
    const result = check(['64520', { code: '77003', units: 2 }]);
    expect(summary(result)).toEqual(['MUE_EXCEEDED deny 2', 'GUIDANCE_INCLUDED deny 2']);
    expect(only(result, 'MUE_EXCEEDED')[0].message).toContain('all 2 unit(s) are denied');
    expect(result.correctedClaim.lines[1]).toMatchObject({ code: '77003', units: 1 });
  });

  it('77003 on two lines: the repeated line is removed, the first kept with 1 unit', () => {
    const result = check(['64520', '77003', '77003']);
    expect(summary(result)).toEqual(['MUE_EXCEEDED deny 2,3', 'GUIDANCE_INCLUDED deny 3']);
    expect(result.correctedClaim.lines.map((l) => [l.code, l.units])).toEqual([
      ['64520', 1],
      ['77003', 1],
    ]);
  });

  it('76001 is named as deleted (2019-01-01) and replaced by 76000', () => {
    const result = check(['44500', '76001']);
    const [edit] = only(result, 'CODE_DELETED');
    expect(edit.severity).toBe('deny');
    expect(edit.message).toContain('deleted on 2019-01-01');
    expect(edit.message).toContain('use 76000 for fluoroscopy up to 1 hour');
    expect(result.correctedClaim.lines.map((l) => l.code)).toEqual(['44500', '76000']);
  });

  it('76001 beside 76000 is removed rather than duplicated', () => {
    const result = check(['44500', '76000', '76001']);
    expect(result.correctedClaim.lines.map((l) => l.code)).toEqual(['44500', '76000']);
  });

  it('central line 36556 + 77001 is clean; PICC 36569 + 77001 is denied (PTP and CPT: use 36573), not fixed automatically', () => {
    expect(summary(check(['36556', '77001']))).toEqual([]);
    const picc = check(['36569', '77001']);
    expect(summary(picc)).toEqual(['PTP_BUNDLED deny 2', 'GUIDANCE_INCLUDED deny 2']);
    expect(only(picc, 'GUIDANCE_INCLUDED')[0].fix).toMatchObject({ action: 'remove-line', automatic: false });
    expect(only(picc, 'GUIDANCE_INCLUDED')[0].fix.detail).toContain('Replace the PICC code with 36572/36573');
    expect(picc.correctedClaim.lines.map((l) => l.code)).toEqual(['36569', '77001']);
  });

  it('chest-wall biopsy 21550 with 77002 is clean; adding 77012 denies 77002 (PTP and guidance)', () => {
    expect(summary(check(['21550', '77002']))).toEqual([]);
    const result = check(['21550', '77002', '77012']);
    expect(summary(result)).toEqual(['PTP_BUNDLED deny 2', 'GUIDANCE_INCLUDED deny 2']);
    expect(only(result, 'GUIDANCE_INCLUDED')[0].message).toContain('77002 (line 2) is not reported with 77012 (line 3)');
  });

  it('nasoenteric tube 44500 with 76000 is valid', () => {
    const result = check(['44500', { code: '76000', documentation: { fluoroscopyMinutes: 40 } }]);
    expect(summary(result)).toEqual([]);
    expect(result.lines.every((l) => !l.denied)).toBe(true);
  });

  it('missing radiology report with 26 warns', () => {
    const result = check(['21550', { code: '77002', modifiers: ['26'], documentation: { signedReport: false } }], { placeOfService: '22' });
    expect(summary(result)).toEqual(['DOCUMENTATION warn 2']);
    expect(result.edits[0].message).toContain('no signed radiology report');
  });

  it('lists every release used and names the claim', () => {
    const result = check(['62323', '77003']);
    expect(result.claimId).toBe('CLM-TEST-1');
    expect(result.releases).toEqual([
      'mpfs-rvu-TEST',
      'ncci-ptp-practitioner-TEST',
      'ncci-mue-practitioner-TEST',
      'ncci-addon-TEST',
      'cpt-guidance-2025',
    ]);
  });

  it('returns the claim itself as the corrected claim when nothing is fixed automatically', () => {
    const claim = claimWith(['21550', '77002']);
    expect(validateClaim(claim, catalog).correctedClaim).toBe(claim);
  });
});
