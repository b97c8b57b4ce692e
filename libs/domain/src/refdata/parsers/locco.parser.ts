import { ok, type Result } from '../../shared/result';
import { csvRecords } from './csv-records';
import { isBlankRecord } from './fields';
import { parseError, type ParseError } from './parse-error';

export interface LoccoRow {
  readonly carrier: string; // padded to 5 digits
  readonly locality: string; // padded to 2 digits
  readonly state: string;
  readonly feeScheduleArea: string;
  readonly counties: string;
}

export interface LoccoFile {
  readonly year: number;
  readonly rows: LoccoRow[];
}

const HEADER = ['Medicare Adminstrative Contractor', 'Locality Number', 'State', 'Fee Schedule Area', 'Counties'];

/** Counties per locality. The file writes carrier and locality without leading zeros and the state once per block. */
export function parseLocco(lines: Iterable<string>): Result<LoccoFile, ParseError> {
  let year: number | null = null;
  let header = false;
  let state = '';
  let ended = false;
  const rows: LoccoRow[] = [];
  for (const rec of csvRecords(lines)) {
    if ('truncated' in rec) return parseError('TRUNCATED', rec.line, 'unterminated quoted field');
    const f = rec.fields.map((x) => x.trim());
    if (!header) {
      const y = /COUNTIES INCLUDED IN (\d{4}) LOCALITIES/.exec(f[0]);
      if (y) year = Number(y[1]);
      if (!/^Medicare Admin/.test(f[0])) continue;
      // CMS spells it "Adminstrative"; accept the correct spelling too.
      const names = f.map((n) => n.replace('Administrative', 'Adminstrative'));
      if (names.length !== 5 || !HEADER.every((n, i) => names[i] === n))
        return parseError('BAD_HEADER', rec.line, `unexpected LOCCO header: ${f.join(' | ')}`);
      header = true;
      continue;
    }
    if (isBlankRecord(f)) continue;
    if (!/^\d{1,5}$/.test(f[0])) {
      ended = true;
      continue;
    }
    if (ended) return parseError('BAD_VALUE', rec.line, 'locality row after the footnotes');
    if (f.length !== 5) return parseError('BAD_COLUMN_COUNT', rec.line, `expected 5 columns, found ${f.length}`);
    if (!/^\d{1,2}$/.test(f[1])) return parseError('BAD_VALUE', rec.line, `bad locality number "${f[1]}"`);
    if (f[2]) state = f[2];
    if (!state) return parseError('BAD_VALUE', rec.line, 'first locality row has no state');
    rows.push({ carrier: f[0].padStart(5, '0'), locality: f[1].padStart(2, '0'), state, feeScheduleArea: f[3], counties: f[4] });
  }
  if (!header) return parseError('BAD_HEADER', 1, 'LOCCO header (Medicare Adminstrative Contractor,Locality Number,...) not found');
  if (year === null) return parseError('BAD_HEADER', 1, 'title with the year (COUNTIES INCLUDED IN YYYY LOCALITIES) not found');
  if (rows.length === 0) return parseError('EMPTY', 1, 'no locality rows');
  return ok({ year, rows });
}
