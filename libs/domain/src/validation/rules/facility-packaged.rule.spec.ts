import { validateClaim } from '../validate-claim';
import { claimWith } from '../testing/claim.fixture';
import { fluoroCatalog } from '../testing/fluoro.fixture';
import { only } from '../testing/result.helpers';

const catalog = fluoroCatalog();
const packaged = (...args: Parameters<typeof claimWith>) => only(validateClaim(claimWith(...args), catalog), 'FACILITY_PACKAGED');

describe('facility packaged rule', () => {
  it.each([
    ['77001', '36556'],
    ['77002', '21550'],
    ['77003', '64520'],
  ])('tells an outpatient facility that %s is packaged', (code, primary) => {
    for (const pos of ['22', '19', '24']) {
      const [edit] = packaged([primary, code], { claimType: 'institutional', placeOfService: pos });
      expect(edit).toMatchObject({ severity: 'info', lines: [2], fix: { action: 'none' }, source: { dataset: 'cms-policy' } });
      expect(edit.message).toContain('no separate payment');
      expect(edit.message).toContain(`${code}-26, on the professional claim) is unaffected`);
    }
  });

  it('stays silent for 76000 (paid separately), professional claims and inpatient stays', () => {
    expect(packaged(['44500', '76000'], { claimType: 'institutional', placeOfService: '22' })).toEqual([]);
    expect(packaged(['21550', { code: '77002', modifiers: ['26'] }], { placeOfService: '22' })).toEqual([]);
    expect(packaged(['21550', '77002'], { claimType: 'institutional', placeOfService: '21' })).toEqual([]);
  });
});
