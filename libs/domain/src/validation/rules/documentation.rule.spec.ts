import { validateClaim } from '../validate-claim';
import { claimWith } from '../testing/claim.fixture';
import { fluoroCatalog } from '../testing/fluoro.fixture';
import { only } from '../testing/result.helpers';

const catalog = fluoroCatalog();
const docs = (...args: Parameters<typeof claimWith>) => only(validateClaim(claimWith(...args), catalog), 'DOCUMENTATION');

describe('documentation rule', () => {
  it('warns on 26 (or a global PC/TC-1 code) without a signed report, not on TC or when unknown', () => {
    expect(docs(['21550', { code: '77002', modifiers: ['26'], documentation: { signedReport: false } }])).toHaveLength(1);
    expect(docs(['21550', { code: '77002', documentation: { signedReport: false } }])[0].message).toContain('the global service');
    expect(docs(['21550', { code: '77002', modifiers: ['TC'], documentation: { signedReport: false } }])).toEqual([]);
    expect(docs(['21550', { code: '77002', modifiers: ['26'], documentation: { signedReport: true } }])).toEqual([]);
    expect(docs(['21550', { code: '77002', modifiers: ['26'] }])).toEqual([]);
  });

  it('76000: warns when the documented time is missing or over an hour', () => {
    expect(docs(['44500', { code: '76000', documentation: { fluoroscopyMinutes: 40 } }])).toEqual([]);
    expect(docs(['44500', { code: '76000', documentation: { fluoroscopyMinutes: 60 } }])).toEqual([]);
    expect(docs(['44500', { code: '76000', documentation: { signedReport: true } }])[0].message).toContain('gives no fluoroscopy time');
    const [over] = docs(['44500', { code: '76000', documentation: { fluoroscopyMinutes: 75 } }]);
    expect(over).toMatchObject({ severity: 'warn', lines: [2] });
    expect(over.message).toContain('75 minutes');
    expect(over.message).toContain('76001 (over 1 hour) was deleted on 2019-01-01, so there is nothing more to bill');
    expect(docs(['44500', '76000'])).toEqual([]);
  });

  it.each(['77001', '77002', '77003'])('warns when %s images were not saved', (code) => {
    const [edit] = docs(['64520', { code, modifiers: ['26'], documentation: { imagesSaved: false } }]);
    expect(edit.message).toContain('images were not saved');
  });
});
