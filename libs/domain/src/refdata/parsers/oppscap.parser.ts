import { ok, type Result } from '../../shared/result';
import { csvRecords } from './csv-records';
import { decimal, HCPCS, isBlankRecord } from './fields';
import { parseError, type ParseError } from './parse-error';

export interface OppsCapRow {
  readonly hcpcs: string;
  readonly modifier: string;
  readonly status: string;
  readonly carrier: string;
  readonly locality: string;
  readonly facility: number;
  readonly nonFacility: number;
}

const HEADER = ['HCPCS', 'MOD', 'PROCSTAT', 'CARRIER', 'LOCALITY', 'FACILITY PRICE', 'NON-FACILTY PRICE'];

/** OPPS-capped imaging prices per locality (CMS spells the last header "NON-FACILTY"). */
export function parseOppsCap(lines: Iterable<string>): Result<OppsCapRow[], ParseError> {
  let header = false;
  const rows: OppsCapRow[] = [];
  for (const rec of csvRecords(lines)) {
    if ('truncated' in rec) return parseError('TRUNCATED', rec.line, 'unterminated quoted field');
    const f = rec.fields.map((x) => x.trim());
    if (!header) {
      const names = f.map((n) => n.replace('NON-FACILITY', 'NON-FACILTY'));
      if (names.length !== 7 || !HEADER.every((n, i) => names[i] === n))
        return parseError('BAD_HEADER', rec.line, `unexpected OPPSCAP header: ${f.join(' | ')}`);
      header = true;
      continue;
    }
    if (isBlankRecord(f)) continue;
    if (f.length !== 7) return parseError('BAD_COLUMN_COUNT', rec.line, `expected 7 columns, found ${f.length}`);
    if (!HCPCS.test(f[0]) || !/^\d{5}$/.test(f[3]) || !/^\d{2}$/.test(f[4]))
      return parseError('BAD_VALUE', rec.line, `bad code/carrier/locality: ${f.slice(0, 5).join(',')}`);
    const [facility, nonFacility] = [decimal(f[5]), decimal(f[6])];
    if (facility === null || nonFacility === null) return parseError('BAD_NUMBER', rec.line, `prices must be numbers: ${f[5]}, ${f[6]}`);
    rows.push({ hcpcs: f[0], modifier: f[1], status: f[2], carrier: f[3], locality: f[4], facility, nonFacility });
  }
  if (!header) return parseError('EMPTY', 1, 'empty file');
  if (rows.length === 0) return parseError('EMPTY', 1, 'no data rows');
  return ok(rows);
}
