import type { Claim } from '../claim/claim.schema';
import { RefDataCatalog } from '../refdata/catalog';
import { completeValidation, editFactsOf, findingsOf, validationInputOf } from './complete-validation';
import type { RefdataFallback } from './dos-tables';
import { lineResults } from './line-results';
import { validateClaim } from './validate-claim';
import { claimWith } from './testing/claim.fixture';
import { FLUORO_FEE_ROWS, FLUORO_PTP, fluoroCatalog } from './testing/fluoro.fixture';
import { feeTable, ptpTable } from './testing/refdata.fixture';

const GAP = 'REFDATA_UNAVAILABLE';
/** As the findings travel: through JSON (a wire message), so nothing shared with the result survives. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const gapEdits = <E extends { code: string }>(edits: readonly E[]) => edits.filter((e) => e.code === GAP);
/** Of each edit, what editFactsOf gives: its code, severity and lines. */
const facts = (edits: readonly { code: string; severity: string; lines: readonly number[] }[]) =>
  edits.map(({ code, severity, lines }) => ({ code, severity, lines }));

const standIn = () =>
  fluoroCatalog({ ptp: { id: 'PTP-2025', validTo: null, notes: ['effective dates missing'] } }).add(
    'ncci-ptp-practitioner',
    ptpTable(FLUORO_PTP, { id: 'PTP-2024', validFrom: '2024-07-01', validTo: '2024-09-30' }),
  );
const partialPtp = () =>
  fluoroCatalog().add(
    'ncci-ptp-practitioner',
    ptpTable(FLUORO_PTP, { id: 'PTP-PARTIAL', validFrom: '2026-07-01', validTo: '2026-09-30', partial: true, notes: ['101 codes'] }),
  );
const feeOnly = () => new RefDataCatalog().add('mpfs-rvu', feeTable(FLUORO_FEE_ROWS, { validTo: null }));
const on = (dates: string[], codes = ['20610', '20552']) =>
  dates.flatMap((dateOfService) => codes.map((code) => ({ code, dateOfService })));

const cases: [string, Claim, RefDataCatalog, RefdataFallback][] = [
  ['no release, one date (strict)', claimWith(on(['2026-02-01'])), fluoroCatalog(), 'strict'],
  ['no release, several dates, beside a checked one', claimWith(on(['2026-02-01', '2025-03-14', '2026-02-03'])), fluoroCatalog(), 'strict'],
  ['stand-in releases (latest), open-ended and with notes', claimWith(on(['2024-01-02', '2024-03-05'])), standIn(), 'latest'],
  ['stand-in releases (latest), one date', claimWith(on(['2026-02-01'])), fluoroCatalog(), 'latest'],
  ['fee schedule alone: nothing else loaded', claimWith(['62323']), feeOnly(), 'strict'],
  ['partial PTP in force', claimWith(on(['2026-08-03'])), partialPtp(), 'strict'],
  ['partial fee schedule (code by code, no gap warn)', claimWith(['62323', 'G0283']), fluoroCatalog({ fee: { partial: true } }), 'strict'],
  [
    'no hospital PTP release loaded (institutional)',
    claimWith(['62321', '62320'], { claimType: 'institutional', placeOfService: '22' }),
    fluoroCatalog(),
    'latest',
  ],
  [
    'no hospital PTP release, several dates, strict',
    claimWith(on(['2025-03-14', '2026-02-01']), { claimType: 'institutional', placeOfService: '22' }),
    fluoroCatalog(),
    'strict',
  ],
  ['nothing missing', claimWith(['62323', '77003']), fluoroCatalog(), 'strict'],
];

describe('completeValidation(findingsOf(validateClaim(...))): the result itself, gap warns from notChecked', () => {
  it.each(cases)('%s', (_, claim, catalog, refdataFallback) => {
    const result = validateClaim(claim, catalog, { refdataFallback });
    const findings = wire(findingsOf(result));
    expect(completeValidation(claim, findings)).toEqual(result);
    expect(JSON.stringify(completeValidation(claim, findings))).toBe(JSON.stringify(result));
    expect(gapEdits(findings.edits)).toEqual([]);
    // Each line's result, its edits as far as pricing reads them (code, severity, lines), no prose written.
    const withFacts = <L extends { edits: Parameters<typeof facts>[0] }>(lines: L[]) => lines.map((l) => ({ ...l, edits: facts(l.edits) }));
    const input = validationInputOf(claim, findings);
    expect(withFacts(input.lines)).toEqual(withFacts(lineResults(claim, result.edits, result.notChecked)));
    // Nothing rendered: each edit is the findings' own (facts, or one travelling whole) or a gap warn's facts.
    const given = new Set<object>(findings.edits);
    expect(input.lines.flatMap((l) => l.edits).filter((e) => !given.has(e) && 'message' in e)).toEqual([]);
    // The edits' code, severity and lines, the gap warns included, with no prose written.
    expect(facts(editFactsOf(findings))).toEqual(facts(result.edits));
  });

  it('the cases cover every kind of gap warn', () => {
    const messages = cases.flatMap(([, claim, catalog, refdataFallback]) =>
      gapEdits(validateClaim(claim, catalog, { refdataFallback }).edits).map((e) => e.message),
    );
    for (const text of [
      'is partial',
      'were applied from PTP-2025 (valid 2025-01-01 to open)',
      '(none loaded): the',
      '(loaded: ncci-ptp-practitioner-TEST): the',
      'No ncci-addon release is in force on dates from 2026-02-01 to 2026-02-03',
      'No outpatient-hospital PTP release is loaded',
    ])
      expect([text, messages.some((m) => m.includes(text))]).toEqual([text, true]);
  });

  it('states what the warns need in notChecked: the stand-in span and notes, the releases loaded', () => {
    const claim = claimWith(on(['2024-01-02']));
    const latest = validateClaim(claim, standIn(), { refdataFallback: 'latest' }).notChecked;
    expect(latest.find((n) => n.dataset === 'ncci-ptp-practitioner')).toEqual({
      ...{ dataset: 'ncci-ptp-practitioner', family: 'practitioner procedure-to-procedure (bundling) edits' },
      ...{ reason: 'stand-in', release: 'PTP-2025', lines: [1, 2], from: '2024-01-02', to: '2024-01-02' },
      ...{ validFrom: '2025-01-01', validTo: null, notes: ['effective dates missing'] },
    });
    const strict = validateClaim(claim, standIn()).notChecked.find((n) => n.dataset === 'ncci-ptp-practitioner');
    expect(strict).toMatchObject({ reason: 'no-release', loaded: ['PTP-2025', 'PTP-2024'] });
    expect(strict).not.toHaveProperty('validFrom');
    expect(feeOnly().releases('ncci-addon')).toEqual([]);
    expect(validateClaim(claimWith(['62323']), feeOnly()).notChecked.map((n) => n.loaded)).toEqual([[], [], []]);
  });

  it('keeps the gap warns in the findings when notChecked cannot give them back exactly (a line number twice)', () => {
    const claim = claimWith(on(['2026-02-01']));
    const twice = { ...claim, lines: claim.lines.map((l) => ({ ...l, lineNumber: 1 })) };
    const result = validateClaim(twice, fluoroCatalog());
    expect(gapEdits(result.edits)[0].lines).toEqual([1, 1]);
    const findings = wire(findingsOf(result));
    expect(findings.edits).toEqual(result.edits);
    expect(completeValidation(twice, findings)).toEqual(result);
    expect(facts(editFactsOf(findings))).toEqual(facts(result.edits));
  });

  it('derives no second copy from findings an earlier build wrote (gap warns in, notChecked without their fields)', () => {
    const claim = claimWith(on(['2024-01-02', '2024-03-05']));
    const result = validateClaim(claim, standIn(), { refdataFallback: 'latest' });
    const notChecked = result.notChecked.map(({ dataset, family, reason, release, lines, from, to }) => ({
      dataset,
      family,
      reason,
      ...(release ? { release } : {}),
      lines,
      from,
      to,
    }));
    const earlier = wire({ edits: result.edits, notChecked, releases: result.releases });
    const completed = completeValidation(claim, earlier);
    expect(completed.edits).toEqual(result.edits);
    expect(gapEdits(completed.edits)).toHaveLength(gapEdits(result.edits).length);
    expect(completed.lines).toEqual(result.lines);
    expect(facts(editFactsOf(earlier))).toEqual(facts(result.edits));
  });
});
