import { ok, type Result } from '../../shared/result';
import type { ZipLocality } from '../tables';
import { NO_FINAL_NEWLINE } from './lines';
import { parseError, type ParseError } from './parse-error';

export interface Zip5File {
  /** YYYYQ from positions 76-80, e.g. 20254; the same on every record. */
  readonly yearQuarter: number;
  readonly rows: ZipLocality[];
}

const RECORD = 80;

/** ZIP5 fixed width (ZIP5lyout.txt): state 1-2, ZIP 3-7, carrier 8-12, locality 13-14, rural 15, +4 flag 21, YYYYQ 76-80. */
export function parseZip5(lines: Iterable<string>): Result<Zip5File, ParseError> {
  let yq: number | null = null;
  let lineNo = 0;
  const rows: ZipLocality[] = [];
  for (const line of lines) {
    if (line === NO_FINAL_NEWLINE) continue;
    lineNo++;
    if (line.trim() === '') continue;
    if (line.length !== RECORD)
      return parseError(
        line.length < RECORD ? 'TRUNCATED' : 'BAD_COLUMN_COUNT',
        lineNo,
        `record is ${line.length} characters, expected ${RECORD}`,
      );
    const state = line.slice(0, 2);
    const zip = line.slice(2, 7);
    const carrier = line.slice(7, 12);
    const locality = line.slice(12, 14);
    const rural = line[14].trim();
    const plus4 = line[20];
    const q = line.slice(75, 80);
    if (!/^[A-Z]{2}$/.test(state) || !/^\d{5}$/.test(zip) || !/^\d{5}$/.test(carrier) || !/^\d{2}$/.test(locality))
      return parseError('BAD_VALUE', lineNo, `bad state/ZIP/carrier/locality "${line.slice(0, 14)}"`);
    if (rural !== '' && rural !== 'R' && rural !== 'B') return parseError('BAD_VALUE', lineNo, `bad rural indicator "${rural}"`);
    if (plus4 !== '0' && plus4 !== '1') return parseError('BAD_VALUE', lineNo, `bad plus-four flag "${plus4}"`);
    if (!/^\d{4}[1-4]$/.test(q)) return parseError('BAD_VALUE', lineNo, `bad year/quarter "${q}"`);
    if (yq === null) yq = Number(q);
    else if (Number(q) !== yq) return parseError('BAD_VALUE', lineNo, `year/quarter ${q} differs from ${yq}`);
    rows.push({ zip, state, carrier, locality, rural, needsZip9: plus4 === '1' });
  }
  if (yq === null) return parseError('EMPTY', lineNo, 'no ZIP records');
  return ok({ yearQuarter: yq, rows });
}
