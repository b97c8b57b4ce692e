import { matchRemitClaim } from './match-remittance';
import { LEDGER_CLAIMS, ledgerRef, remitClaims } from './testing/remit.fixture';

const ledger = LEDGER_CLAIMS.map(ledgerRef);

describe('matchRemitClaim', () => {
  it('matches each claim payment by patient control number and dates, then each line by code and date', () => {
    const results = remitClaims('paid-denied-adjusted.835').map((r) => matchRemitClaim(r, ledger));
    expect(results).toEqual([
      {
        matched: true,
        claimId: 'c-lesi',
        lines: [
          { remitLine: 0, lineNumber: 1, outcome: 'paid' },
          { remitLine: 1, lineNumber: 2, outcome: 'denied' },
        ],
        unmatchedLines: [],
      },
      { matched: true, claimId: 'c-facet', lines: [{ remitLine: 0, lineNumber: 1, outcome: 'paid' }], unmatchedLines: [] },
      { matched: true, claimId: 'c-fluoro', lines: [{ remitLine: 0, lineNumber: 1, outcome: 'denied' }], unmatchedLines: [] },
    ]);
  });

  it('matches a reversal and its correction to the same claim', () => {
    const [reversal, correction] = remitClaims('reversal-correction.835').map((r) => matchRemitClaim(r, ledger));
    expect(reversal).toMatchObject({ matched: true, claimId: 'c-lesi', lines: [{ outcome: 'reversed' }, { outcome: 'reversed' }] });
    expect(correction).toMatchObject({ matched: true, claimId: 'c-lesi', lines: [{ outcome: 'paid' }, { outcome: 'paid' }] });
  });

  it('reports what matches nothing instead of guessing', () => {
    const [lesi] = remitClaims('paid-denied-adjusted.835');
    expect(matchRemitClaim({ ...lesi, patientControlNumber: 'NOPE-1' }, ledger)).toEqual({
      matched: false,
      reason: 'NO_CLAIM',
      candidates: 0,
    });
    const moved = { ...lesi, lines: lesi.lines.map((l) => ({ ...l, dateOfService: '2025-03-15' })) };
    expect(matchRemitClaim(moved, ledger)).toEqual({ matched: false, reason: 'DATES_DIFFER', candidates: 1 });
    const twin = { ...ledger[0], claimId: 'c-lesi-again' };
    expect(matchRemitClaim(lesi, [...ledger, twin])).toEqual({ matched: false, reason: 'AMBIGUOUS_CLAIM', candidates: 2 });
    const other = { ...lesi, lines: [lesi.lines[0], { ...lesi.lines[1], code: '77012', submittedCode: undefined }] };
    expect(matchRemitClaim(other, ledger)).toMatchObject({
      matched: true,
      lines: [{ remitLine: 0, lineNumber: 1 }],
      unmatchedLines: [{ remitLine: 1, reason: 'NO_LINE' }],
    });
  });

  it('prefers the submitted code (SVC06), equal modifiers and equal units, and never uses a ledger line twice', () => {
    const [lesi] = remitClaims('paid-denied-adjusted.835');
    const recoded = { ...lesi, lines: [lesi.lines[0], { ...lesi.lines[1], code: '77012', submittedCode: '77003' }] };
    expect(matchRemitClaim(recoded, ledger)).toMatchObject({ matched: true, unmatchedLines: [], lines: [{}, { lineNumber: 2 }] });
    const twice = { ...lesi, lines: [lesi.lines[0], lesi.lines[0]] };
    expect(matchRemitClaim(twice, ledger)).toMatchObject({ unmatchedLines: [{ remitLine: 1, reason: 'NO_LINE' }] });
    const byModifier = {
      ...ledger[0],
      lines: [
        { lineNumber: 1, code: '77003', modifiers: [], units: 1, dateOfService: '2025-03-14' },
        { lineNumber: 2, code: '77003', modifiers: ['26'], units: 1, dateOfService: '2025-03-14' },
      ],
    };
    const only26 = { ...lesi, lines: [lesi.lines[1]] };
    expect(matchRemitClaim(only26, [byModifier])).toMatchObject({ lines: [{ lineNumber: 2 }] });
  });

  it('lets a statement period stand in when lines carry no date', () => {
    const [lesi] = remitClaims('paid-denied-adjusted.835');
    const undated = { ...lesi, lines: lesi.lines.map((l) => ({ ...l, dateOfService: undefined })) };
    expect(matchRemitClaim(undated, ledger)).toMatchObject({ matched: true, claimId: 'c-lesi', unmatchedLines: [] });
    const elsewhere = { ...undated, statementFrom: '2025-05-01', statementTo: '2025-05-02' };
    expect(matchRemitClaim(elsewhere, ledger)).toMatchObject({ matched: false, reason: 'DATES_DIFFER' });
  });
});
