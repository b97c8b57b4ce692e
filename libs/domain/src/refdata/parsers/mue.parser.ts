import { ok, type Result } from '../../shared/result';
import type { MueAdjudicationIndicator, MueEntry } from '../tables';
import { csvRecords } from './csv-records';
import { HCPCS, isBlankRecord } from './fields';
import { parseError, type ParseError } from './parse-error';

export type MueService = 'practitioner' | 'hospital' | 'dme';

export interface MueFile {
  /** Named in the official header; the plain CSVs do not say (the caller knows from the file). */
  readonly service: MueService | null;
  readonly rows: (MueEntry & { readonly refVersion?: string })[];
}

const MAI_TEXT: Record<string, MueAdjudicationIndicator> = {
  '1 Line Edit': 1,
  '2 Date of Service Edit: Policy': 2,
  '3 Date of Service Edit: Clinical': 3,
};
const SERVICE: Record<string, MueService> = {
  'Practitioner Services MUE Values': 'practitioner',
  'Facility Outpatient Hospital Services MUE Values': 'hospital',
  'Outpatient Hospital Services MUE Values': 'hospital',
  'DME Supplier Services MUE Values': 'dme',
};

export const MUE_2024Q3_HEADER = 'hcpcs,mue_value,mai,rationale';
export const MUE_SUBSET_HEADER = 'code,max_units,mai,ref_version';

type Layout = 'official' | 'plain' | 'subset';

/** MUE tables: CMS's official CSV (quoted notice, header cell with a line break, MAI written out) or the plain CSVs. */
export function parseMue(lines: Iterable<string>): Result<MueFile, ParseError> {
  let layout: Layout | null = null;
  let service: MueService | null = null;
  const rows: MueFile['rows'] = [];
  for (const rec of csvRecords(lines)) {
    if ('truncated' in rec) return parseError('TRUNCATED', rec.line, 'unterminated quoted field');
    const f = rec.fields;
    if (!layout) {
      const joined = f.join(',');
      if (joined === MUE_2024Q3_HEADER) layout = 'plain';
      else if (joined === MUE_SUBSET_HEADER) layout = 'subset';
      else if (/^HCPCS\/\s*CPT Code$/.test(f[0])) {
        service = SERVICE[f[1]] ?? null;
        if (f.length !== 4 || !service || f[2] !== 'MUE Adjudication Indicator' || f[3] !== 'MUE Rationale')
          return parseError('BAD_HEADER', rec.line, `unexpected MUE header: ${f.join(' | ').replace(/\s+/g, ' ')}`);
        layout = 'official';
      } else if (!/copyright/i.test(joined) && !isBlankRecord(f)) return parseError('BAD_HEADER', rec.line, 'MUE header not found');
      continue;
    }
    if (isBlankRecord(f)) continue;
    if (f.length !== 4) return parseError('BAD_COLUMN_COUNT', rec.line, `expected 4 columns, found ${f.length}`);
    const [code, valueText, maiText, last] = f;
    if (!HCPCS.test(code)) return parseError('BAD_VALUE', rec.line, `bad HCPCS code "${code}"`);
    if (!/^\d+$/.test(valueText)) return parseError('BAD_NUMBER', rec.line, `MUE value "${valueText}" is not a whole number`);
    const mai =
      layout === 'official'
        ? MAI_TEXT[maiText]
        : ['1', '2', '3'].includes(maiText)
          ? (Number(maiText) as MueAdjudicationIndicator)
          : undefined;
    if (mai === undefined) return parseError('BAD_VALUE', rec.line, `bad MUE adjudication indicator "${maiText}"`);
    if (layout === 'subset') {
      if (!/^MUE-\d{4}Q[1-4]$/.test(last)) return parseError('BAD_VALUE', rec.line, `bad ref_version "${last}"`);
      rows.push({ code, value: Number(valueText), mai, rationale: '', refVersion: last });
    } else rows.push({ code, value: Number(valueText), mai, rationale: last });
  }
  if (!layout) return parseError('BAD_HEADER', 1, 'MUE header not found');
  return ok({ service, rows });
}
