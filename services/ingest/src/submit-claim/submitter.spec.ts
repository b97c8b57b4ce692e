import { disagreeingSubmitterField } from './submitter';

describe('disagreeingSubmitterField', () => {
  it('accepts bodies that name no submitter or the key owner', () => {
    expect(disagreeingSubmitterField({ submitterClaimId: 'A' }, 'org-a')).toBeNull();
    expect(disagreeingSubmitterField({ submitterId: 'org-a' }, 'org-a')).toBeNull();
    expect(disagreeingSubmitterField([{ submitterId: 'org-a' }, {}], 'org-a')).toBeNull();
    expect(disagreeingSubmitterField('ISA*00*...', 'org-a')).toBeNull();
    expect(disagreeingSubmitterField(null, 'org-a')).toBeNull();
  });

  it('names the field of the first claim that names someone else', () => {
    expect(disagreeingSubmitterField({ submitterId: 'org-b' }, 'org-a')).toBe('submitterId');
    expect(disagreeingSubmitterField([{}, { submitterId: 'org-b' }], 'org-a')).toBe('[1].submitterId');
    expect(disagreeingSubmitterField({ claims: [{ submitterId: 7 }] }, 'org-a')).toBe('claims[0].submitterId');
  });
});
