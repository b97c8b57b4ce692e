import { claimWith, type LineSpec } from '../testing/claim.fixture';
import { emCatalog as catalog, m } from '../testing/em.fixture';
import { only } from '../testing/result.helpers';
import { validateClaim } from '../validate-claim';

describe('modifier use rule (NCCI Policy Manual)', () => {
  it('ch. I §E, ch. XI §B: XS on an E&M is its own edit, with its source, removed in the corrected claim (25 is never added)', () => {
    const result = validateClaim(claimWith(['20610', m('99213', 'XS')]), catalog);
    const [edit] = only(result, 'MODIFIER_INVALID');
    expect(edit).toMatchObject({
      severity: 'warn',
      lines: [2],
      source: { dataset: 'cms-policy', release: 'ncci-policy-manual-2026', rationale: expect.stringContaining('ch. I §E') },
      fix: { action: 'remove-modifier', modifier: 'XS', automatic: true },
    });
    expect(result.correctedClaim.lines[1].modifiers).toEqual([]);
    expect(result.lines[1].denied).toBe(true);
  });

  it.each([
    ['ch. I §E: 59 on an E&M with no procedure that day is still not valid', [m('99213', '59')], ['MODIFIER_INVALID warn 1']],
    ['ch. I §D: 25 on a procedure is not valid', [m('20610', '25')], ['MODIFIER_INVALID warn 1']],
    ['ch. I §D: 57 on a procedure is not valid', [m('27447', '57')], ['MODIFIER_INVALID warn 1']],
    ['ch. I §D: 25 on an E&M alone is fine', [m('99213', '25')], []],
    ['ch. I §E: XS on a procedure alone is fine', [m('20552', 'XS')], []],
  ])('%s', (_name, lines, expected) => {
    const edits = only(validateClaim(claimWith(lines as LineSpec[]), catalog), 'MODIFIER_INVALID');
    expect(edits.map((e) => `${e.code} ${e.severity} ${e.lines.join(',')}`)).toEqual(expected);
  });
});
