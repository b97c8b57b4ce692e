import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { linesOf } from './lines';
import { parsePtpCsv2024, parsePtpSubsetCsv } from './ptp-csv.parser';
import { parsePtpOfficial } from './ptp-official.parser';
import { PtpRowCollector } from './ptp-sink';

const CMS = resolve(__dirname, '../../../../../../shared/data/cms');
const OFFICIAL = readFileSync(resolve(CMS, 'formats/ccipra-v322r0-f1.excerpt.txt'), 'latin1');
/** The excerpt without its last, cut-off record. */
const OFFICIAL_WHOLE = OFFICIAL.slice(0, OFFICIAL.lastIndexOf('\r\n') + 2);

describe('parsePtpOfficial (ccipra tab-delimited layout)', () => {
  it('reports the excerpt, which stops mid-record, as truncated at its last line', () => {
    const r = parsePtpOfficial(linesOf(OFFICIAL), new PtpRowCollector());
    const lastLine = OFFICIAL.split('\n').length;
    expect(r).toEqual({
      ok: false,
      error: { code: 'TRUNCATED', line: lastLine, reason: 'file ends in the middle of a record (no line end)' },
    });
  });

  it('reads the whole records: dates, "*" = not deleted, modifier and rationale', () => {
    const sink = new PtpRowCollector();
    const r = parsePtpOfficial(linesOf(OFFICIAL_WHOLE), sink);
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.rows).toBe(OFFICIAL_WHOLE.split('\r\n').length - 1 - 6);
    expect(sink.rows[0]).toEqual({
      column1: '0001A',
      column2: '0591T',
      effective: 20220101,
      deletion: 20231231,
      modifier: '1',
      rationale: 'CPT Manual or CMS manual coding instruction',
    });
    // A retroactive deletion: deleted on its effective date, modifier 9.
    expect(sink.rows.find((x) => x.column2 === '90473')).toMatchObject({ effective: 20220101, deletion: 20220101, modifier: '9' });
    expect(sink.rows.find((x) => x.column1 === '0001U' && x.column2 === '81165')).toMatchObject({
      effective: 20190101,
      deletion: null,
      modifier: '1',
    });
  });

  it('rejects bad dates, indicators and column counts with their line', () => {
    const head = OFFICIAL.split('\r\n').slice(0, 6).join('\r\n');
    const one = (row: string) => parsePtpOfficial(linesOf(`${head}\r\n${row}\r\n`), new PtpRowCollector());
    expect(one('0001A\t0591T\t\t20221301\t*\t1\tx')).toMatchObject({
      ok: false,
      error: { code: 'BAD_VALUE', line: 7, reason: 'bad effective date "20221301"' },
    });
    expect(one('0001A\t0591T\t\t20220101\t*\t2\tx')).toMatchObject({ ok: false, error: { code: 'BAD_VALUE', line: 7 } });
    expect(one('0001A\t0591T\t20220101\t*\t1\tx')).toMatchObject({ ok: false, error: { code: 'BAD_COLUMN_COUNT', line: 7 } });
  });
});

describe('parsePtpCsv2024 (northstar conversion, no effective dates)', () => {
  it('reads rows without effective dates and with "*" as not deleted', () => {
    const sink = new PtpRowCollector();
    const r = parsePtpCsv2024(
      linesOf(
        'column1,column2,deletion_date,modifier_indicator,rationale\r\n62323,77003,*,1,CPT Manual or CMS manual coding instruction\r\n27093,77002,20100331,1,Standards of medical/surgical practice\r\n',
      ),
      sink,
    );
    expect(r).toEqual({ ok: true, value: { rows: 2 } });
    expect(sink.rows[1]).toEqual({
      column1: '27093',
      column2: '77002',
      effective: null,
      deletion: 20100331,
      modifier: '1',
      rationale: 'Standards of medical/surgical practice',
    });
  });

  it('rejects a wrong header and a row with a column missing', () => {
    expect(parsePtpCsv2024(linesOf('col1,col2\n'), new PtpRowCollector())).toMatchObject({
      ok: false,
      error: { code: 'BAD_HEADER', line: 1 },
    });
    const short = parsePtpCsv2024(
      linesOf('column1,column2,deletion_date,modifier_indicator,rationale\n62323,77003,*,1\n'),
      new PtpRowCollector(),
    );
    expect(short).toMatchObject({ ok: false, error: { code: 'BAD_COLUMN_COUNT', line: 2 } });
  });
});

describe('parsePtpSubsetCsv (2026 Q3/Q4 subset with effective dates)', () => {
  it('splits the rows by ref_version: 2,447 per quarter', () => {
    const sinks = new Map<string, PtpRowCollector>();
    const r = parsePtpSubsetCsv(linesOf(readFileSync(resolve(CMS, 'ncci/2026q3-subset/ptp.csv'), 'latin1')), (v) => {
      if (!sinks.has(v)) sinks.set(v, new PtpRowCollector());
      return sinks.get(v)!;
    });
    expect(r).toEqual({ ok: true, value: { rows: 4894 } });
    expect([...sinks].map(([v, s]) => [v, s.rows.length])).toEqual([
      ['NCCI-2026Q3', 2447],
      ['NCCI-2026Q4', 2447],
    ]);
    expect(sinks.get('NCCI-2026Q3')!.rows.filter((x) => x.deletion === null)).toHaveLength(1324);
    expect(sinks.get('NCCI-2026Q3')!.rows[0]).toEqual({
      column1: '10060',
      column2: '11720',
      effective: 19980101,
      deletion: null,
      modifier: '1',
      rationale: '',
    });
  });

  it('rejects an impossible date', () => {
    const r = parsePtpSubsetCsv(
      linesOf('col1,col2,effective,deleted,modifier_indicator,ref_version\n10060,11720,1998-02-30,,1,NCCI-2026Q3\n'),
      () => new PtpRowCollector(),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_VALUE', line: 2 } });
  });
});
