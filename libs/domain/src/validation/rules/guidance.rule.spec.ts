import { validateClaim } from '../validate-claim';
import { claimWith } from '../testing/claim.fixture';
import { fluoroCatalog } from '../testing/fluoro.fixture';
import { only } from '../testing/result.helpers';

const catalog = fluoroCatalog();
const guidance = (...args: Parameters<typeof claimWith>) => only(validateClaim(claimWith(...args), catalog), 'GUIDANCE_INCLUDED');

describe('guidance rule', () => {
  it.each(['62320', '62325', '62329', '62270', '62272', '64415', '64417', '64445', '64448', '0627T', '0628T', '64490', '64493', '64495'])(
    'denies 77003 reported with %s',
    (code) => {
      const [edit] = guidance([code, '77003']);
      expect(edit).toMatchObject({
        severity: 'deny',
        lines: [2],
        source: { dataset: 'cpt-guidance', release: 'cpt-guidance-2025' },
        fix: { action: 'remove-line', automatic: true },
      });
      expect(edit.message).toContain(`77003 (line 2) is not reported with ${code} (line 1)`);
    },
  );

  it.each(['62319', '64418', '64449', '64489', '64520'])('leaves 77003 with %s to the other edits', (code) => {
    expect(guidance([code, '77003'])).toEqual([]);
  });

  it.each(['77001', '77002', '77003'])('denies 76000 in the same session as %s, not the guidance code', (code) => {
    const edits = guidance([code, '76000']);
    expect(edits.map((e) => e.lines)).toEqual([[2]]);
    expect(edits[0].message).toContain('more precise descriptor');
  });

  it.each(['77012', '77021'])('denies 77002 with %s for the same needle placement', (code) => {
    expect(guidance(['21550', '77002', code]).map((e) => e.lines)).toEqual([[2]]);
  });

  it('says X modifiers do not help, and still denies', () => {
    const [edit] = guidance(['64490', { code: '77003', modifiers: ['XU'] }]);
    expect(edit.message).toContain('(the XU on line 2 is ignored)');
  });

  it('applies per session: another date or another provider is a different session', () => {
    expect(guidance(['77002', { code: '76000', dateOfService: '2025-03-15' }])).toEqual([]);
    expect(guidance(['77002', { code: '76000', renderingProviderNpi: '1111111112' }])).toEqual([]);
  });

  it('once per session: 77003 x3 is reduced to 1, a second line removed', () => {
    const [units] = guidance(['64520', { code: '77003', units: 3 }]);
    expect(units).toMatchObject({ lines: [2], fix: { action: 'reduce-units', units: 1, automatic: true } });
    expect(units.message).toContain('77003 is reported 3 times in one session on 2025-03-14 (line 2 x3)');
    expect(units.message).toContain('whatever the number of spinal levels');
    expect(guidance(['64520', '77003', '77003']).map((e) => [e.lines[0], e.fix.action])).toEqual([[3, 'remove-line']]);
    expect(guidance(['64520', '77003', { code: '77003', dateOfService: '2025-03-15' }])).toEqual([]);
  });

  it('77001 with a PICC code: removed when 36572/36573 include the guidance, left to the coder with 36568/36569', () => {
    expect(guidance(['36573', '77001'])[0].fix).toMatchObject({ action: 'remove-line', automatic: true });
    expect(guidance(['36568', '77001'])[0].fix).toMatchObject({ action: 'remove-line', automatic: false });
  });

  it('77002 for spinal needle guidance: 77003 instead with its primaries, nothing with guidance-inclusive codes', () => {
    const [spinal] = guidance(['62284', '77002']);
    expect(spinal.fix).toMatchObject({ action: 'replace-code', replacementCode: '77003', automatic: false });
    expect(spinal.message).toContain('fluoroscopic guidance of a spine or paraspinous injection is reported with 77003');
    expect(guidance(['64483', '77002'])[0].fix).toMatchObject({ action: 'remove-line', automatic: true });
    expect(guidance(['20610', '77002'])).toEqual([]);
    expect(guidance(['62284', '77002', '77003'])).toEqual([]);
  });
});
