import { validateClaim } from '../validate-claim';
import { claimWith } from '../testing/claim.fixture';
import { fluoroCatalog } from '../testing/fluoro.fixture';
import { only } from '../testing/result.helpers';

const catalog = fluoroCatalog();
const run = (...args: Parameters<typeof claimWith>) => validateClaim(claimWith(...args), catalog);

describe('pctc rule', () => {
  it.each(['22', '21', '24', '19'])('denies a global PC/TC-1 code in facility POS %s and adds 26 automatically', (pos) => {
    const result = run(['21550', '77002'], { placeOfService: pos });
    const [edit] = only(result, 'PCTC_MODIFIER');
    expect(edit).toMatchObject({ severity: 'deny', lines: [2], fix: { action: 'add-modifier', modifier: '26', automatic: true } });
    expect(edit.message).toContain(`billed globally in facility place of service ${pos}`);
    expect(result.correctedClaim.lines[1].modifiers).toEqual(['26']);
  });

  it('accepts global billing in the office and 26 in a facility', () => {
    expect(only(run(['21550', '77002']), 'PCTC_MODIFIER')).toEqual([]);
    expect(only(run(['21550', { code: '77002', modifiers: ['26'] }], { placeOfService: '22' }), 'PCTC_MODIFIER')).toEqual([]);
    expect(only(run(['21550', { code: '77002', modifiers: ['26'], placeOfService: '22' }]), 'PCTC_MODIFIER')).toEqual([]);
  });

  it('only warns in other facility-rate settings (53 community mental health center), without fixing', () => {
    const [edit] = only(run(['21550', '77002'], { placeOfService: '53' }), 'PCTC_MODIFIER');
    expect(edit).toMatchObject({ severity: 'warn', fix: { action: 'add-modifier', modifier: '26', automatic: false } });
  });

  it('uses the line place of service over the claim one', () => {
    expect(only(run(['21550', { code: '77002', placeOfService: '22' }]), 'PCTC_MODIFIER')).toHaveLength(1);
  });

  it('denies TC on a physician claim in a facility without guessing a fix', () => {
    const [edit] = only(run(['21550', { code: '77002', modifiers: ['TC'] }], { placeOfService: '22' }), 'PCTC_MODIFIER');
    expect(edit.fix).toMatchObject({ action: 'none', automatic: false });
    expect(edit.message).toContain('the facility bills the technical component');
  });

  it.each([
    ['99213', '26', '0', false],
    ['96372', 'TC', '5', false],
    ['36591', 'TC', '3', true],
    ['83020', 'TC', '9', false],
  ])('denies %s-%s (indicator %s) and removes the modifier automatically only when redundant (%s)', (code, mod, ind, automatic) => {
    const result = run([{ code, modifiers: [mod] }]);
    const [edit] = only(result, 'PCTC_MODIFIER');
    expect(edit).toMatchObject({ severity: 'deny', fix: { action: 'remove-modifier', modifier: mod, automatic } });
    expect(edit.message).toContain(`PC/TC indicator ${ind}): modifier ${mod} cannot be used`);
  });

  it('accepts 26 on an indicator-6 interpretation code', () => {
    expect(only(run([{ code: '83020', modifiers: ['26'] }]), 'PCTC_MODIFIER')).toEqual([]);
  });

  it('does not apply to institutional claims', () => {
    expect(only(run(['21550', '77002'], { claimType: 'institutional', placeOfService: '22' }), 'PCTC_MODIFIER')).toEqual([]);
  });
});
