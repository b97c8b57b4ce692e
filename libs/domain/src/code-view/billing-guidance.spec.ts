import { billingGuidance, type GuidanceFacts } from './billing-guidance';

const base: GuidanceFacts = { code: '99213', status: 'A', pctc: '0', addon: null, mue: null, bundledInto: [] };

describe('billingGuidance', () => {
  it('has nothing to say about a plain payable code', () => {
    expect(billingGuidance(base)).toEqual([]);
  });

  it('counts bypassable and absolute bundling pairs separately', () => {
    const pair = (column1: string, modifierIndicator: '0' | '1') => ({
      column1,
      column2: '77003',
      effective: null,
      deletion: null,
      modifierIndicator,
      rationale: '',
      bypassable: modifierIndicator === '1',
    });
    const [ptp] = billingGuidance({
      ...base,
      code: '77003',
      pctc: null,
      bundledInto: [pair('62323', '1'), pair('62321', '1'), pair('0627T', '0')],
    }).filter((g) => g.edit === 'PTP_BUNDLED');
    expect(ptp.text).toMatch(/one of the 3 column-1 codes/);
    expect(ptp.text).toMatch(/2 of these pairs \(modifier indicator 1\) allow both/);
    expect(ptp.text).toMatch(/1 \(indicator 0\) never allow both/);
  });

  it('names the MUE setting it quotes and explains the adjudication indicator', () => {
    const [mue] = billingGuidance({
      ...base,
      mue: { setting: 'outpatient hospital', entry: { code: '99213', value: 2, mai: 1, rationale: '' } },
    });
    expect(mue).toEqual({
      edit: 'MUE_EXCEEDED',
      title: 'At most 2 units',
      text: expect.stringMatching(
        /^The outpatient hospital MUE is 2 per line \(MAI 1 \(line edit\)\): units above it on one line are denied/,
      ),
    });
  });

  it('ties an add-on to both add-on edits and a professional-component-only code to the redundant modifier', () => {
    const addon = billingGuidance({ ...base, addon: { addon: '99213', type: 2, primaries: [] } }).map((g) => g.edit);
    expect(addon).toEqual(['ADDON_WITHOUT_PRIMARY', 'ADDON_MODIFIER_51']);
    expect(billingGuidance({ ...base, pctc: '2' })).toEqual([expect.objectContaining({ edit: 'PCTC_MODIFIER', title: 'No modifier 26' })]);
  });

  it('refuses a status that Medicare never pays', () => {
    expect(billingGuidance({ ...base, status: 'B' })[0]).toEqual(
      expect.objectContaining({ edit: 'CODE_NOT_PAYABLE', text: expect.stringMatching(/^Bundled: Medicare never pays it separately/) }),
    );
  });
});
