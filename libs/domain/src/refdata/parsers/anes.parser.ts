import { ok, type Result } from '../../shared/result';
import type { AnesthesiaCf } from '../tables';
import { csvRecords } from './csv-records';
import { decimal, isBlankRecord } from './fields';
import { parseError, type ParseError } from './parse-error';

export interface AnesFile {
  readonly nationalConversionFactor: number;
  readonly rows: (AnesthesiaCf & { readonly name: string })[];
}

/** Anesthesia conversion factors per locality; the national CF is written in the header. */
export function parseAnes(lines: Iterable<string>): Result<AnesFile, ParseError> {
  let national: number | null = null;
  const rows: AnesFile['rows'] = [];
  for (const rec of csvRecords(lines)) {
    if ('truncated' in rec) return parseError('TRUNCATED', rec.line, 'unterminated quoted field');
    const f = rec.fields.map((x) => x.trim());
    if (national === null) {
      const m = /^National Anes CF of (\d+(\.\d+)?)$/.exec(f[3] ?? '');
      if (f.length !== 4 || f[0] !== 'Contractor' || f[1] !== 'Locality' || f[2] !== 'Locality Name' || !m)
        return parseError('BAD_HEADER', rec.line, `unexpected ANES header: ${f.join(' | ')}`);
      national = Number(m[1]);
      continue;
    }
    if (isBlankRecord(f)) continue;
    if (f.length !== 4) return parseError('BAD_COLUMN_COUNT', rec.line, `expected 4 columns, found ${f.length}`);
    if (!/^\d{5}$/.test(f[0]) || !/^\d{2}$/.test(f[1]))
      return parseError('BAD_VALUE', rec.line, `bad contractor/locality "${f[0]}"/"${f[1]}"`);
    const cf = decimal(f[3]);
    if (cf === null) return parseError('BAD_NUMBER', rec.line, `conversion factor "${f[3]}" is not a number`);
    rows.push({ carrier: f[0], locality: f[1], name: f[2].replace(/\*+$/, ''), conversionFactor: cf });
  }
  if (national === null) return parseError('EMPTY', 1, 'empty file');
  if (rows.length === 0) return parseError('EMPTY', 1, 'no locality rows');
  return ok({ nationalConversionFactor: national, rows });
}
