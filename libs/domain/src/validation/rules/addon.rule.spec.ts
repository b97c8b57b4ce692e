import { validateClaim } from '../validate-claim';
import { claimWith } from '../testing/claim.fixture';
import { fluoroCatalog } from '../testing/fluoro.fixture';
import { only } from '../testing/result.helpers';

const catalog = fluoroCatalog();
const addonEdits = (...args: Parameters<typeof claimWith>) => only(validateClaim(claimWith(...args), catalog), 'ADDON_WITHOUT_PRIMARY');

describe('addon rule', () => {
  it('type 1 needs a listed primary on the same date and provider (64491 with/without 64490)', () => {
    expect(addonEdits(['64490', '64491'])).toEqual([]);
    const [edit] = addonEdits(['64491']);
    expect(edit).toMatchObject({ severity: 'deny', lines: [1], fix: { action: 'remove-line', automatic: false } });
    expect(edit.message).toContain('one of its listed primary codes (64490)');
    expect(addonEdits(['64490', { code: '64491', dateOfService: '2025-03-15' }])).toHaveLength(1);
    expect(addonEdits(['64490', { code: '64491', renderingProviderNpi: '1111111112' }])).toHaveLength(1);
  });

  it('type 1 with an unlisted procedure is still denied (77003 after 62323)', () => {
    expect(addonEdits(['62323', '77003'])[0].message).toContain('61050, 61055, 62267');
  });

  it('type 2 accepts any payable non-add-on primary (77001 with 36556), not nothing or another add-on', () => {
    expect(addonEdits(['36556', '77001'])).toEqual([]);
    expect(addonEdits(['77001'])[0].message).toContain('a payable primary procedure');
    expect(addonEdits(['64491', '77001']).map((e) => e.lines[0])).toEqual([1, 2]);
    expect(addonEdits(['36000', '77001']).map((e) => e.lines[0])).toEqual([2]);
  });

  it('type 3 warns when the primary is not a listed one, denies when there is none', () => {
    expect(addonEdits(['11010', '20701'])).toEqual([]);
    const [warn] = addonEdits(['27447', '20701']);
    expect(warn).toMatchObject({ severity: 'warn', lines: [2] });
    expect(warn.message).toContain('payment depends on the MAC');
    expect(addonEdits(['20701'])[0].severity).toBe('deny');
  });

  it('type 3 listing CCCCC accepts any payable primary', () => {
    expect(addonEdits(['27447', '64727'])).toEqual([]);
  });

  it('warns on modifier 51 on an add-on and removes it automatically', () => {
    const result = validateClaim(claimWith(['64490', { code: '64491', modifiers: ['51', 'RT'] }]), catalog);
    const [edit] = only(result, 'ADDON_MODIFIER_51');
    expect(edit).toMatchObject({ severity: 'warn', lines: [2], fix: { action: 'remove-modifier', modifier: '51', automatic: true } });
    expect(result.correctedClaim.lines[1].modifiers).toEqual(['RT']);
  });
});
