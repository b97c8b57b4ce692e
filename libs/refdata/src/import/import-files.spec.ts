import { CompactPtpTable, type MueTable } from '@claimflow/domain';
import { join, resolve } from 'node:path';
import { importFiles } from './import-files';

const CMS = resolve(__dirname, '../../../../../shared/data/cms');
const FIX = resolve(__dirname, '../../test/fixtures');

describe('importFiles', () => {
  it('imports a directory, detecting each kind by its header and skipping what is not reference data', () => {
    const r = importFiles([join(CMS, 'mpfs/2025')]);
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.files.map((f) => [f.file.slice(CMS.length + 1), f.kind, f.releases.join(), f.rows])).toEqual([
      ['mpfs/2025/25LOCCO.csv', 'locco', 'MPFS-2025-LOCCO', 110],
      ['mpfs/2025/ANES2025.csv', 'anes', 'MPFS-2025-ANES', 109],
      ['mpfs/2025/GPCI2025.csv', 'gpci', 'MPFS-2025-GPCI', 109],
      ['mpfs/2025/OPPSCAP_Oct.csv', 'oppscap', 'MPFS-2025-OPPSCAP', 16100],
      ['mpfs/2025/PPRRVU2025_Oct.csv', 'pprrvu', 'MPFS-2025-OCT', 19090],
      ['mpfs/2025/zip/ZIP5_OCT2025.txt', 'zip5', 'ZIP5-2025Q4', 42956],
    ]);
    expect(r.value.skipped.map((f) => f.slice(CMS.length + 1))).toEqual(['mpfs/2025/zip/ZIP5lyout.txt']);
  });

  it('gunzips by content, takes the quarter from the path and notes the missing PTP effective dates', () => {
    const r = importFiles([join(FIX, 'good')]);
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.files.map((f) => [f.kind, f.dataset, f.rows])).toEqual([
      ['ptp-csv-2024q3', 'ncci-ptp-practitioner', 3],
      ['mue-csv-2024q3', 'ncci-mue-practitioner', 3],
    ]);
    const ptp = r.value.tables.find((t) => t.table instanceof CompactPtpTable)!.table as CompactPtpTable;
    expect(ptp.release).toMatchObject({ id: 'NCCI-2024Q3', validFrom: '2024-07-01', validTo: '2024-09-30', partial: false });
    expect(ptp.release.notes[0]).toMatch(/effective dates are missing/);
    expect(ptp.find('62321', '62320', 20240701)?.modifierIndicator).toBe('0');
    const mue = r.value.tables.find((t) => t.dataset === 'ncci-mue-practitioner')!.table as MueTable;
    expect(mue.get('77003')).toMatchObject({ value: 1, mai: 3 });
  });

  it('splits the 2026 subset into Q3 and Q4 partial releases', () => {
    const r = importFiles([join(CMS, 'ncci/2026q3-subset')]);
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.tables.map((t) => `${t.dataset} ${t.table.release.id} ${t.table.release.partial}`).sort()).toEqual([
      'ncci-mue-practitioner NCCI-2026Q3-PARTIAL true',
      'ncci-mue-practitioner NCCI-2026Q4-PARTIAL true',
      'ncci-ptp-practitioner NCCI-2026Q3-PARTIAL true',
      'ncci-ptp-practitioner NCCI-2026Q4-PARTIAL true',
    ]);
    expect(r.value.skipped.map((f) => f.slice(CMS.length + 1))).toEqual(['ncci/2026q3-subset/codes.txt']);
  });

  it('reads the quarter of official files from their names (v32.2 = 2026Q3, Eff_07-01-2026)', () => {
    const r = importFiles([join(CMS, 'formats/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv')]);
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.tables[0].table.release).toMatchObject({ id: 'NCCI-2026Q3-PARTIAL', dataset: 'ncci-mue-practitioner', partial: true });
  });

  it('merges the files of one quarter (CMS splits a PTP release in f1..f4) into one release', () => {
    const r = importFiles([join(FIX, 'official-2026q3')]);
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.files.map((f) => [f.kind, f.releases.join()])).toEqual([
      ['ptp-official', 'NCCI-2026Q3-PARTIAL'],
      ['ptp-official', 'NCCI-2026Q3-PARTIAL'],
    ]);
    expect(r.value.tables).toHaveLength(1);
    const ptp = r.value.tables[0].table as CompactPtpTable;
    expect(ptp.size).toBe(r.value.files[0].rows + r.value.files[1].rows);
    expect(ptp.find('0001A', '0591T', 20231231)?.deletion).toBe(20231231);
    expect(ptp.find('0001U', '81165', 20260701)).toMatchObject({
      effective: 20190101,
      modifierIndicator: '1',
      rationale: 'Misuse of Column Two code with Column One code',
    });
  });

  it.each([
    [
      ['mpfs/2025/GPCI2025.csv', 'F:malformed/GPCI2025-short-row.csv'],
      'MALFORMED_FILE',
      'malformed/GPCI2025-short-row.csv',
      7,
      'expected 7 columns, found 6',
    ],
    [
      ['F:malformed/mue_practitioner_bad_mai.csv'],
      'MALFORMED_FILE',
      'malformed/mue_practitioner_bad_mai.csv',
      3,
      'bad MUE adjudication indicator "4"',
    ],
    [
      ['F:malformed/ptp_practitioner_bad_date.csv'],
      'UNKNOWN_RELEASE',
      'malformed/ptp_practitioner_bad_date.csv',
      undefined,
      'cannot tell the quarter of this file; pass it as a hint',
    ],
    [
      ['formats/ccipra-v322r0-f1.excerpt.txt'],
      'MALFORMED_FILE',
      'formats/ccipra-v322r0-f1.excerpt.txt',
      161,
      'file ends in the middle of a record (no line end)',
    ],
    [['F:notes.txt'], 'UNRECOGNISED_FILE', 'notes.txt', undefined, 'header matches no known CMS reference-data layout'],
    [['F:anes-no-year.csv'], 'UNKNOWN_RELEASE', 'anes-no-year.csv', undefined, 'cannot tell the year of this file; pass it as a hint'],
  ])('fails the whole import on %j: %s', (files, code, file, line, reason) => {
    const paths = files.map((f) => (f.startsWith('F:') ? join(FIX, f.slice(2)) : join(CMS, f)));
    const r = importFiles(paths);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code, reason });
    expect(r.error.file.endsWith(file)).toBe(true);
    expect(r.error.line).toBe(line);
  });

  it('names the line of a bad date once the quarter is known', () => {
    const r = importFiles([join(FIX, 'malformed/ptp_practitioner_bad_date.csv')], { hints: { quarter: '2024Q3' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'MALFORMED_FILE', line: 3, reason: 'bad deletion date "2010-03-31"' } });
  });
});
