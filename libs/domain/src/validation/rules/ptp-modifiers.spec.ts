import { claimWith, type LineSpec } from '../testing/claim.fixture';
import { emCatalog as catalog, m } from '../testing/em.fixture';
import { only } from '../testing/result.helpers';
import { validateClaim } from '../validate-claim';

type Case = [name: string, lines: LineSpec[], severity: 'deny' | 'warn', modifier: string, says: string, institutional: boolean];

describe('PTP modifiers by the codes they are on (NCCI Policy Manual)', () => {
  it.each<Case>([
    [
      'ch. I §D: an E&M on the day of a minor procedure (000) is denied; the fix is 25 on the E&M',
      ['20610', '99213'],
      'deny',
      '25',
      'append 25 to the E&M 99213 (line 2)',
      false,
    ],
    [
      'ch. I §D: 25 on the E&M beside a minor procedure (000) bypasses',
      ['20610', m('99213', '25')],
      'warn',
      '25',
      'significant and separately identifiable',
      false,
    ],
    [
      'ch. I §D: 25 on the E&M beside a minor procedure with 010 global days bypasses',
      ['11010', m('99213', '25')],
      'warn',
      '25',
      'above the usual pre- and post-procedure work of 11010',
      false,
    ],
    [
      'ch. I §D: an E&M on the day of a major surgery (090) is denied; the fix is 57',
      ['27447', '99223'],
      'deny',
      '57',
      'was the decision to perform the major surgery 27447',
      false,
    ],
    [
      'ch. I §D: 57 on the E&M that decided a major surgery (090) bypasses',
      ['27447', m('99223', '57')],
      'warn',
      '57',
      'was the decision to perform the major surgery 27447 (line 1)',
      false,
    ],
    [
      'ch. I §D: 25 does not bypass with a major surgery (090)',
      ['27447', m('99223', '25')],
      'deny',
      '57',
      'included unless it was the decision for surgery (57)',
      false,
    ],
    [
      'ch. I §D: 57 does not bypass with a minor procedure (000)',
      ['20610', m('99213', '57')],
      'deny',
      '25',
      '20610 has 000 global days (use 25)',
      false,
    ],
    [
      'ch. I §E, ch. XI §B: XS on an E&M bypasses nothing; the fix is 25',
      ['20610', m('99213', 'XS')],
      'deny',
      '25',
      'not used on E&M services',
      false,
    ],
    ['ch. I §E, ch. XI §B: 59 on an E&M bypasses nothing', ['20610', m('99213', '59')], 'deny', '25', 'not used on E&M services', false],
    [
      'ch. I §E: 59 on the procedure does not separate it from the E&M',
      [m('20610', '59'), '99213'],
      'deny',
      '25',
      'not from an E&M service',
      false,
    ],
    [
      'ch. I §E: 25 on the E&M column 1 code bypasses a procedure in column 2',
      [m('99213', '25'), '96372'],
      'warn',
      '25',
      'significant and separately identifiable',
      false,
    ],
    [
      'ch. I §E: two E&M services the same day take 25, not 59',
      ['99215', m('99213', '59')],
      'deny',
      '25',
      'separately identifiable E&M service beyond 99215',
      false,
    ],
    [
      'ch. I §E: 27 bypasses between hospital outpatient E&M encounters',
      ['99215', m('99213', '27')],
      'warn',
      '27',
      'separate hospital outpatient E&M encounter',
      true,
    ],
    [
      'ch. I §E: 27 is for hospital claims only',
      ['99215', m('99213', '27')],
      'deny',
      '25',
      '27 is for hospital outpatient claims only',
      false,
    ],
    [
      'ch. I §E: anatomic modifiers naming different sites bypass',
      [m('20610', 'RT'), m('20552', 'LT')],
      'warn',
      'LT',
      'different anatomic site',
      false,
    ],
    [
      'ch. I §E: the same anatomic modifier on both lines is the same site',
      [m('20610', 'RT'), m('20552', 'RT')],
      'deny',
      'XS',
      'both lines carry RT',
      false,
    ],
    [
      'ch. I §E: anatomic modifiers do not separate an E&M from a procedure',
      ['20610', m('99213', 'RT')],
      'deny',
      '25',
      'anatomic modifiers do not separate',
      false,
    ],
    [
      'ch. I §E: 91 bypasses on a repeated clinical laboratory test',
      ['80053', m('82565', '91')],
      'warn',
      '91',
      'repeat of a clinical laboratory test',
      false,
    ],
    [
      'ch. I §E: 91 outside the laboratory codes bypasses nothing',
      ['20610', m('20552', '91')],
      'deny',
      'XS',
      '91 is for a repeated clinical laboratory test only',
      false,
    ],
    [
      'ch. I §E: 79 on an unrelated procedure bypasses',
      ['27447', m('20610', '79')],
      'warn',
      '79',
      'unrelated procedure in a postoperative period',
      false,
    ],
  ])('%s', (_name, lines, severity, modifier, says, institutional) => {
    const claim = claimWith(lines, institutional ? { claimType: 'institutional', placeOfService: '22' } : {});
    const r = validateClaim(claim, catalog);
    const [edit] = only(r, 'PTP_BUNDLED');
    expect(edit.severity).toBe(severity);
    if (severity === 'deny') expect(edit.fix).toMatchObject({ action: 'add-modifier', modifier, automatic: false });
    else expect(edit.message).toContain(`Modifier ${modifier} bypasses`);
    expect(`${edit.message} ${edit.fix.detail}`).toContain(says);
    if (modifier === '25' || modifier === '57') expect(edit.message).not.toContain('different site, session, or encounter');
  });
});
