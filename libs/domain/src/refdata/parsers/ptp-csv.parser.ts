import type { Result } from '../../shared/result';
import { eachCsvRow } from './csv-table';
import { HCPCS, isoDateKey, yyyymmdd } from './fields';
import { parseError, type ParseError } from './parse-error';
import { isModifierIndicator, type PtpSink } from './ptp-sink';

export const PTP_2024Q3_HEADER = 'column1,column2,deletion_date,modifier_indicator,rationale';
export const PTP_SUBSET_HEADER = 'col1,col2,effective,deleted,modifier_indicator,ref_version';

/**
 * Plain PTP CSV converted from northstar (2024Q3): no effective dates, deletion YYYYMMDD or "*".
 */
export function parsePtpCsv2024(lines: Iterable<string>, sink: PtpSink): Result<{ rows: number }, ParseError> {
  return eachCsvRow(lines, PTP_2024Q3_HEADER, 5, (f, line) => {
    const [c1, c2, delText, mod, rationale] = f;
    if (!HCPCS.test(c1) || !HCPCS.test(c2)) return parseError('BAD_VALUE', line, `bad code pair "${c1}"/"${c2}"`);
    const deletion = delText === '*' ? null : yyyymmdd(delText);
    if (delText !== '*' && deletion === null) return parseError('BAD_VALUE', line, `bad deletion date "${delText}"`);
    if (!isModifierIndicator(mod)) return parseError('BAD_VALUE', line, `bad modifier indicator "${mod}"`);
    if (rationale === '') return parseError('BAD_VALUE', line, 'empty rationale');
    sink.add(c1, c2, null, deletion, mod, rationale);
  });
}

/** The 2026 subset CSV: ISO dates, empty = not deleted, and a ref_version naming the quarter of each row. */
export function parsePtpSubsetCsv(lines: Iterable<string>, sinkFor: (refVersion: string) => PtpSink): Result<{ rows: number }, ParseError> {
  return eachCsvRow(lines, PTP_SUBSET_HEADER, 6, (f, line) => {
    const [c1, c2, effText, delText, mod, version] = f;
    if (!HCPCS.test(c1) || !HCPCS.test(c2)) return parseError('BAD_VALUE', line, `bad code pair "${c1}"/"${c2}"`);
    const effective = isoDateKey(effText);
    if (effective === null) return parseError('BAD_VALUE', line, `bad effective date "${effText}"`);
    const deletion = delText === '' ? null : isoDateKey(delText);
    if (delText !== '' && deletion === null) return parseError('BAD_VALUE', line, `bad deletion date "${delText}"`);
    if (!isModifierIndicator(mod)) return parseError('BAD_VALUE', line, `bad modifier indicator "${mod}"`);
    if (!/^NCCI-\d{4}Q[1-4]$/.test(version)) return parseError('BAD_VALUE', line, `bad ref_version "${version}"`);
    // The subset kept no rationale text.
    sinkFor(version).add(c1, c2, effective, deletion, mod, '');
  });
}
