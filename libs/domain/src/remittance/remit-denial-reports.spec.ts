import { parseDenialReport } from '../feedback/parse-denial-report';
import { macJurisdictionOfCarrier } from './mac-jurisdiction';
import { matchRemitClaim, type MatchedLine } from './match-remittance';
import { denialReportsFromRemit } from './remit-denial-reports';
import { LEDGER_CLAIMS, ledgerRef, remitClaims } from './testing/remit.fixture';

const [lesiClaim, , fluoroClaim] = LEDGER_CLAIMS;
const [lesi, , fluoro] = remitClaims('paid-denied-adjusted.835');
const linesOf = (remit: typeof lesi): readonly MatchedLine[] => {
  const match = matchRemitClaim(remit, LEDGER_CLAIMS.map(ledgerRef));
  if (!match.matched) throw new Error('fixture should match');
  return match.lines;
};
const context = {
  state: 'NY',
  macJurisdiction: macJurisdictionOfCarrier('13202'),
  decidedOn: '2025-10-20',
  editsByLine: new Map([[2, ['GUIDANCE_INCLUDED', 'PCTC_MODIFIER'] as const]]),
};

describe('denialReportsFromRemit', () => {
  it('makes one report per denied line holding only the listed fields', () => {
    const { reports, skipped } = denialReportsFromRemit(lesiClaim, lesi, linesOf(lesi), context);
    expect(skipped).toEqual([]);
    expect(reports.map((r) => r.lineNumber)).toEqual([2]);
    expect(reports.map((r) => r.report)).toEqual([
      {
        billedCodes: [
          { code: '62323', modifiers: [], units: 1 },
          { code: '77003', modifiers: ['26'], units: 1 },
        ],
        deniedCode: '77003',
        placeOfService: '22',
        payer: { type: 'medicare-part-b', macJurisdiction: 'JK' },
        state: 'NY',
        denialMonth: '2025-10',
        denialReasons: { carc: ['CO-97'], rarc: ['N130'] },
        appeal: { filed: false },
        claimflowEdits: ['GUIDANCE_INCLUDED', 'PCTC_MODIFIER'],
      },
    ]);
    // Nothing that could identify the claim: ids, control numbers, NPIs, dates of service, amounts.
    const stored = JSON.stringify(reports);
    for (const value of ['LESI', 'c-lesi', '25290001234501', '1234567893', '2025-03-14', '20250314', '180', '1130', '313.6']) {
      expect(stored).not.toContain(value);
    }
    // And each passes the feedback service's own checks.
    for (const { report } of reports) expect(parseDenialReport(report, new Date('2025-11-01T00:00:00Z')).ok).toBe(true);
  });

  it('carries claim-level remarks and reasons for a denied claim', () => {
    const { reports } = denialReportsFromRemit(fluoroClaim, fluoro, linesOf(fluoro), { ...context, editsByLine: new Map() });
    expect(reports).toHaveLength(1);
    expect(reports[0].report).toMatchObject({
      deniedCode: '76000',
      placeOfService: '11',
      denialReasons: { carc: ['CO-16'], rarc: ['M51', 'MA130'] },
    });
    expect(reports[0].report.claimflowEdits).toEqual([]);
  });

  it('skips, with a reason, what a report cannot honestly hold', () => {
    const lines = linesOf(lesi);
    const skipped = (o: Partial<typeof context>, claim = lesiClaim) =>
      denialReportsFromRemit(claim, lesi, lines, { ...context, ...o }).skipped;
    expect(skipped({ macJurisdiction: undefined })).toEqual([{ lineNumber: 2, reason: 'MAC_UNKNOWN' }]);
    expect(skipped({ state: undefined })).toEqual([{ lineNumber: 2, reason: 'STATE_UNKNOWN' }]);
    expect(skipped({ state: 'ZZ' })).toEqual([{ lineNumber: 2, reason: 'STATE_UNKNOWN' }]);
    expect(skipped({ decidedOn: undefined })).toEqual([{ lineNumber: 2, reason: 'DATE_UNKNOWN' }]);
    expect(skipped({}, { ...lesiClaim, payer: { type: 'other' } })).toEqual([{ lineNumber: 2, reason: 'PAYER_TYPE_UNSUPPORTED' }]);
    const commercial = denialReportsFromRemit({ ...lesiClaim, payer: { type: 'commercial' } }, lesi, lines, context);
    expect(commercial.reports[0].report.payer).toEqual({ type: 'commercial' });
    const crOnly = {
      ...lesi,
      lines: [lesi.lines[0], { ...lesi.lines[1], adjustments: [{ group: 'CR' as const, reason: '97', amount: 180 }] }],
    };
    expect(denialReportsFromRemit(lesiClaim, crOnly, lines, context).skipped).toEqual([{ lineNumber: 2, reason: 'NO_REASON_CODE' }]);
  });

  it('maps carrier numbers to their MAC jurisdiction', () => {
    expect(['13202', '12502', '01182', '04412', '15202', '9', 'abcde'].map(macJurisdictionOfCarrier)).toEqual([
      'JK',
      'JL',
      'JE',
      'JH',
      'J15',
      undefined,
      undefined,
    ]);
  });
});
