import { ok, type Result } from '../../shared/result';
import type { Gpci } from '../tables';
import { csvRecords } from './csv-records';
import { decimal, isBlankRecord } from './fields';
import { parseError, type ParseError } from './parse-error';

export interface GpciFile {
  readonly year: number;
  readonly rows: Gpci[];
  /** Footnote lines after the data, kept because they explain floors (Alaska 1.5, frontier PE 1.0). */
  readonly notes: string[];
}

const HEADER = [
  /^Medicare Administrative Contractor \(MAC\)$/,
  /^State$/,
  /^Locality Number$/,
  /^Locality Name$/,
  /^(\d{4}) PW GPCI/,
  /^\d{4} PE GPCI$/,
  /^\d{4} MP GPCI$/,
];

/** Addendum E (GPCIs by locality): title, header, one row per locality, then footnotes. */
export function parseGpci(lines: Iterable<string>): Result<GpciFile, ParseError> {
  let year: number | null = null;
  let ended = false;
  const rows: Gpci[] = [];
  const notes: string[] = [];
  for (const rec of csvRecords(lines)) {
    const f = rec.fields.map((x) => x.trim());
    if ('truncated' in rec) return parseError('TRUNCATED', rec.line, 'unterminated quoted field');
    if (year === null) {
      if (!/^Medicare Administrative Contractor/.test(f[0])) continue;
      if (f.length !== HEADER.length || !HEADER.every((re, i) => re.test(f[i])))
        return parseError('BAD_HEADER', rec.line, `unexpected GPCI header: ${f.join(' | ')}`);
      year = Number(HEADER[4].exec(f[4])![1]);
      continue;
    }
    if (isBlankRecord(f)) continue;
    const isData = /^\d{5}$/.test(f[0]);
    if (!isData) {
      ended = true;
      notes.push(f.filter(Boolean).join(' '));
      continue;
    }
    if (ended) return parseError('BAD_VALUE', rec.line, 'locality row after the footnotes');
    if (f.length !== 7) return parseError('BAD_COLUMN_COUNT', rec.line, `expected 7 columns, found ${f.length}`);
    if (!/^[A-Z]{2}$/.test(f[1]) || !/^\d{2}$/.test(f[2]))
      return parseError('BAD_VALUE', rec.line, `bad state/locality "${f[1]}"/"${f[2]}"`);
    const [work, pe, mp] = [decimal(f[4]), decimal(f[5]), decimal(f[6])];
    if (work === null || pe === null || mp === null)
      return parseError('BAD_NUMBER', rec.line, `GPCI values must be numbers: ${f.slice(4).join(', ')}`);
    rows.push({ carrier: f[0], state: f[1], locality: f[2], name: f[3].replace(/\*+$/, ''), work, pe, mp });
  }
  if (year === null) return parseError('BAD_HEADER', 1, 'GPCI header (Medicare Administrative Contractor (MAC),State,...) not found');
  if (rows.length === 0) return parseError('EMPTY', 1, 'no locality rows');
  return ok({ year, rows, notes });
}
