import { parseDenialReport } from './parse-denial-report';
import { aDenialReport } from './testing/denial-report.fixture';

const NOW = new Date('2026-11-24T14:00:00Z');

describe('parseDenialReport', () => {
  it('accepts a complete anonymous report and fills defaults', () => {
    const r = parseDenialReport(aDenialReport({ claimflowEdits: undefined }), NOW);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.claimflowEdits).toEqual([]);
  });

  it('refuses fields that are not part of a report, by name', () => {
    const r = parseDenialReport({ ...aDenialReport(), patientName: 'x' }, NOW);
    expect(r).toEqual({ ok: false, error: [expect.objectContaining({ path: 'patientName', code: 'FIELD_NOT_ALLOWED' })] });
  });

  it('refuses a day where a month is asked for, and months in the future', () => {
    const day = parseDenialReport(aDenialReport({ denialMonth: '2026-09-14' }), NOW);
    expect(!day.ok && day.error).toEqual([expect.objectContaining({ path: 'denialMonth', code: 'FORMAT_INVALID' })]);
    const future = parseDenialReport(aDenialReport({ denialMonth: '2027-01' }), NOW);
    expect(!future.ok && future.error).toEqual([expect.objectContaining({ path: 'denialMonth', code: 'MONTH_IN_FUTURE' })]);
  });

  it('refuses unknown codes with the field and the reason', () => {
    const r = parseDenialReport(
      aDenialReport({
        placeOfService: '30',
        state: 'XX' as 'PA',
        denialReasons: { carc: ['CO-999', 'XX-97'], rarc: ['Q1'] },
        claimflowEdits: ['NOPE' as 'PTP_BUNDLED'],
      }),
      NOW,
    );
    expect(!r.ok && r.error.map((e) => `${e.path}:${e.code}`).sort()).toEqual([
      'claimflowEdits.0:VALUE_UNKNOWN',
      'denialReasons.carc.0:VALUE_INVALID',
      'denialReasons.carc.1:FORMAT_INVALID',
      'denialReasons.rarc.0:FORMAT_INVALID',
      'placeOfService:VALUE_INVALID',
      'state:VALUE_UNKNOWN',
    ]);
  });

  it('needs the MAC jurisdiction for Medicare and the outcome of a filed appeal', () => {
    const r = parseDenialReport(
      aDenialReport({ payer: { type: 'medicare-part-b' } as never, appeal: { filed: true, level: 2 } as never }),
      NOW,
    );
    expect(!r.ok && r.error.map((e) => `${e.path}:${e.code}`).sort()).toEqual([
      'appeal.outcome:VALUE_UNKNOWN',
      'payer.macJurisdiction:VALUE_UNKNOWN',
    ]);
  });

  it('requires the denied code among the billed codes', () => {
    const r = parseDenialReport(aDenialReport({ deniedCode: '76000' }), NOW);
    expect(!r.ok && r.error).toEqual([expect.objectContaining({ path: 'deniedCode', code: 'DENIED_CODE_NOT_BILLED' })]);
  });

  it('says which free-text field carries personal data and why, without repeating it', () => {
    const r = parseDenialReport(
      aDenialReport({ whatHappened: 'Mrs. Alvarez, MBI 1EG4-TE5-MK73, was denied', whatWorked: 'call 412-555-0199' }),
      NOW,
    );
    expect(!r.ok && r.error.map((e) => `${e.path}:${e.code}`)).toEqual([
      'whatHappened:PERSONAL_DATA_PERSON_NAME',
      'whatHappened:PERSONAL_DATA_MEDICARE_ID',
      'whatWorked:PERSONAL_DATA_PHONE',
    ]);
    expect(JSON.stringify(r)).not.toContain('MK73');
  });

  it('reports personal data even when the shape is also wrong', () => {
    const r = parseDenialReport({ ...aDenialReport({ whatWorked: 'e-mail me at a@b.co' }), deniedCode: 77003 }, NOW);
    expect(!r.ok && r.error.map((e) => e.code)).toEqual(['TYPE_INVALID', 'PERSONAL_DATA_EMAIL']);
  });

  it('bounds free text length', () => {
    const r = parseDenialReport(aDenialReport({ whatHappened: 'x'.repeat(2001) }), NOW);
    expect(!r.ok && r.error).toEqual([expect.objectContaining({ path: 'whatHappened', code: 'TOO_LONG' })]);
  });

  it('refuses over-long free text for its length before any detector reads it', () => {
    const text = 'claim' + ' '.repeat(1024 * 1024) + 'x';
    const started = performance.now();
    const r = parseDenialReport(aDenialReport({ whatHappened: text }), NOW);
    expect(performance.now() - started).toBeLessThan(200);
    expect(!r.ok && r.error).toEqual([expect.objectContaining({ path: 'whatHappened', code: 'TOO_LONG' })]);
  });
});
