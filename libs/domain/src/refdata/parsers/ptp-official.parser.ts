import { ok, type Result } from '../../shared/result';
import { csvRecords } from './csv-records';
import { HCPCS, yyyymmdd } from './fields';
import { parseError, type ParseError } from './parse-error';
import { isModifierIndicator, type PtpSink } from './ptp-sink';

/**
 * CMS's official PTP layout (ccipra/ccioph, one of four files per quarter): tab-delimited,
 * notice and title lines, a header over four lines, then
 * column 1, column 2, "*" if in existence before 1996, effective, deletion or "*", modifier, rationale.
 */
export function parsePtpOfficial(lines: Iterable<string>, sink: PtpSink): Result<{ rows: number }, ParseError> {
  let header = false;
  let rows = 0;
  for (const rec of csvRecords(lines, { separator: '\t', requireFinalNewline: true })) {
    if ('truncated' in rec) return parseError('TRUNCATED', rec.line, 'file ends in the middle of a record (no line end)');
    const f = rec.fields;
    if (!header) {
      if (f[0] === 'Column 1' && f[1] === 'Column 2') {
        if (
          !/^Effective/.test(f[3] ?? '') ||
          !/^Deletion/.test(f[4] ?? '') ||
          !/^Modifier/.test(f[5] ?? '') ||
          !/^PTP Edit Rationale/.test(f[6] ?? '')
        )
          return parseError('BAD_HEADER', rec.line, `unexpected PTP header: ${f.join(' | ')}`);
        header = true;
      } else if (rec.line > 10)
        return parseError('BAD_HEADER', rec.line, 'PTP header (Column 1, Column 2, ...) not found in the first lines');
      continue;
    }
    // Header continuation lines leave the two code columns blank.
    if (f[0] === '' && f[1] === '') continue;
    if (f.length !== 7) return parseError('BAD_COLUMN_COUNT', rec.line, `expected 7 tab-separated columns, found ${f.length}`);
    const [c1, c2, prior, effText, delText, mod, rationale] = f;
    if (!HCPCS.test(c1) || !HCPCS.test(c2)) return parseError('BAD_VALUE', rec.line, `bad code pair "${c1}"/"${c2}"`);
    if (prior !== '' && prior !== '*') return parseError('BAD_VALUE', rec.line, `bad pre-1996 flag "${prior}"`);
    const effective = yyyymmdd(effText);
    if (effective === null) return parseError('BAD_VALUE', rec.line, `bad effective date "${effText}"`);
    const deletion = delText === '*' ? null : yyyymmdd(delText);
    if (delText !== '*' && deletion === null) return parseError('BAD_VALUE', rec.line, `bad deletion date "${delText}"`);
    if (!isModifierIndicator(mod)) return parseError('BAD_VALUE', rec.line, `bad modifier indicator "${mod}"`);
    if (rationale.trim() === '') return parseError('BAD_VALUE', rec.line, 'empty rationale');
    sink.add(c1, c2, effective, deletion, mod, rationale.trim());
    rows++;
  }
  if (!header) return parseError('BAD_HEADER', 1, 'PTP header (Column 1, Column 2, ...) not found');
  return ok({ rows });
}
