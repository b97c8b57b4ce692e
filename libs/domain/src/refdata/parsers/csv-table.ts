import { ok, type Err, type Result } from '../../shared/result';
import { csvRecords } from './csv-records';
import { parseError, type ParseError } from './parse-error';

/**
 * The shape every plain CSV table shares: one exact header line, then records of a fixed column
 * count. `row` returns an error to stop the whole parse (imports are all-or-nothing).
 */
export function eachCsvRow(
  lines: Iterable<string>,
  header: string,
  columns: number,
  row: (fields: string[], line: number) => Err<ParseError> | void,
): Result<{ rows: number }, ParseError> {
  let seenHeader = false;
  let rows = 0;
  for (const rec of csvRecords(lines)) {
    if ('truncated' in rec) return parseError('TRUNCATED', rec.line, 'unterminated quoted field');
    const f = rec.fields;
    if (!seenHeader) {
      if (f.join(',') !== header) return parseError('BAD_HEADER', rec.line, `expected header "${header}"`);
      seenHeader = true;
      continue;
    }
    if (f.length !== columns) return parseError('BAD_COLUMN_COUNT', rec.line, `expected ${columns} columns, found ${f.length}`);
    const failed = row(f, rec.line);
    if (failed) return failed;
    rows++;
  }
  if (!seenHeader) return parseError('EMPTY', 1, 'empty file');
  return ok({ rows });
}
