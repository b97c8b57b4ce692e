import { quarterRelease } from '../release-factory';
import { PtpBuilder } from './ptp.builder';
import { CompactPtpTable } from './ptp.table';
import { snapshotOf, tableFromSnapshot } from './snapshot';

const release = quarterRelease('ncci-ptp-practitioner', 2026, 3);

function table(rows: [string, string, number | null, number | null, '0' | '1' | '9', string][]): CompactPtpTable {
  const b = new PtpBuilder();
  for (const r of rows) b.add(...r);
  return new CompactPtpTable(release, b.build());
}

describe('CompactPtpTable', () => {
  // The first three rows are from the official excerpt (ccipra-v322r0-f1); the others are made up to show deletion and re-adding.
  const t = table([
    ['0001A', '0591T', 20220101, 20231231, '1', 'CPT Manual or CMS manual coding instruction'],
    ['0001A', '90473', 20220101, 20220101, '9', 'CPT Manual or CMS manual coding instruction'],
    ['0001U', '81165', 20190101, null, '1', 'Misuse of Column Two code with Column One code'],
    ['27093', '77002', 20040101, 20100331, '1', 'Standards of medical/surgical practice'],
    // The same pair deleted, then added back with another indicator.
    ['62323', '77003', 20170101, 20171231, '0', 'CPT Manual or CMS manual coding instruction'],
    ['62323', '77003', 20180101, null, '1', 'CPT Manual or CMS manual coding instruction'],
  ]);

  it('treats the CMS deletion date as the last day the edit applies (quarter-end deletions)', () => {
    expect(t.find('27093', '77002', 20100331)?.deletion).toBe(20100331);
    expect(t.find('27093', '77002', 20100401)).toBeUndefined();
    expect(t.find('0001A', '0591T', 20231231)?.modifierIndicator).toBe('1');
    expect(t.find('0001A', '0591T', 20240101)).toBeUndefined();
  });

  it('never applies an edit deleted on its effective date (retroactive deletion, modifier 9)', () => {
    expect(t.find('0001A', '90473', 20220101)).toBeUndefined();
    expect(t.history('0001A', '90473')).toHaveLength(1);
  });

  it('does not apply an edit before its effective date', () => {
    expect(t.find('0001U', '81165', 20181231)).toBeUndefined();
    expect(t.find('0001U', '81165', 20260701)?.effective).toBe(20190101);
  });

  it('returns the row of a re-added pair that is in force on the date', () => {
    expect(t.find('62323', '77003', 20170615)?.modifierIndicator).toBe('0');
    expect(t.find('62323', '77003', 20260701)).toMatchObject({ modifierIndicator: '1', effective: 20180101, deletion: null });
    expect(t.history('62323', '77003').map((e) => e.effective)).toEqual([20170101, 20180101]);
    expect(t.size).toBe(6);
  });

  it('lists the edits in force where a code is column 1 or column 2', () => {
    expect(t.asColumn1('0001A', 20230101).map((e) => e.column2)).toEqual(['0591T']);
    expect(t.asColumn2('77003', 20260701).map((e) => `${e.column1}/${e.modifierIndicator}`)).toEqual(['62323/1']);
    expect(t.asColumn2('77002', 20260701)).toEqual([]);
    expect(t.find('99999', '77003', 20260701)).toBeUndefined();
  });

  it('survives a snapshot round trip unchanged', () => {
    const back = tableFromSnapshot(snapshotOf('ncci-ptp-practitioner', t));
    expect(back.dataset).toBe('ncci-ptp-practitioner');
    const copy = back.table as CompactPtpTable;
    expect(copy.release).toEqual(release);
    expect(copy.find('62323', '77003', 20260701)).toEqual(t.find('62323', '77003', 20260701));
    expect(copy.history('27093', '77002')).toEqual(t.history('27093', '77002'));
  });
});
