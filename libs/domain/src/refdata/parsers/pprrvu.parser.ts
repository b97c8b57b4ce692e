import { ok, type Result } from '../../shared/result';
import type { RvuRow } from '../tables';
import { csvRecords, type CsvRecord } from './csv-records';
import { decimal, HCPCS, isBlankRecord } from './fields';
import { parseError, type ParseError } from './parse-error';
import { PPRRVU_LAYOUTS, type PprrvuLayout } from './pprrvu.layout';

export interface PprrvuFile {
  readonly layout: PprrvuLayout['name'];
  readonly title: string;
  /** The calendar year named in the title line, e.g. 2025. */
  readonly year: number;
  /** "RELEASED mm/dd/yyyy" as written, converted to ISO. */
  readonly releasedOn: string | null;
  readonly conversionFactor: number;
  readonly rows: RvuRow[];
}

const HEADER_ROWS = 5;

/**
 * PPRRVU CSV: title lines, a column header written over five rows, then one row per HCPCS and
 * modifier. The layout is chosen by matching the whole header, never by position alone.
 * DESCRIPTION (AMA) is read past and never kept.
 */
export function parsePprrvu(lines: Iterable<string>): Result<PprrvuFile, ParseError> {
  const preamble: CsvRecord[] = [];
  const rows: RvuRow[] = [];
  let layout: PprrvuLayout | null = null;
  let cf: number | null = null;
  for (const rec of csvRecords(lines)) {
    if ('truncated' in rec) return parseError('TRUNCATED', rec.line, 'unterminated quoted field');
    if (!layout) {
      preamble.push(rec);
      if (rec.fields[0]?.trim() !== 'HCPCS') continue;
      if (preamble.length < HEADER_ROWS) return parseError('BAD_HEADER', rec.line, 'column header shorter than five rows');
      const names = joinHeader(preamble.slice(-HEADER_ROWS).map((r) => r.fields));
      layout = PPRRVU_LAYOUTS.find((l) => sameNames(l.columns, names)) ?? null;
      if (!layout) return parseError('BAD_HEADER', rec.line, `unknown PPRRVU layout (${names.length} columns: ${names.join(' | ')})`);
      continue;
    }
    if (isBlankRecord(rec.fields)) continue;
    const row = toRow(rec, layout);
    if (!row.ok) return row;
    if (cf === null) cf = row.value.conversionFactor;
    else if (row.value.conversionFactor !== cf)
      return parseError('BAD_VALUE', rec.line, `conversion factor ${row.value.conversionFactor} differs from ${cf}`);
    rows.push(row.value);
  }
  if (!layout) return parseError('BAD_HEADER', preamble.length, 'no PPRRVU column header (HCPCS,MOD,...) found');
  if (cf === null) return parseError('EMPTY', preamble.length, 'no data rows');
  const titleText = preamble.map((r) => r.fields.join(' ')).join('\n');
  const year = /(\d{4}) National Physician Fee Schedule/.exec(titleText);
  if (!year) return parseError('BAD_HEADER', 1, 'title line with the fee schedule year not found');
  const released = /RELEASED (\d{2})\/(\d{2})\/(\d{4})/.exec(titleText);
  return ok({
    layout: layout.name,
    title: preamble[0].fields
      .map((f) => f.trim())
      .filter(Boolean)
      .join(' '),
    year: Number(year[1]),
    releasedOn: released ? `${released[3]}-${released[1]}-${released[2]}` : null,
    conversionFactor: cf,
    rows,
  });
}

function joinHeader(rows: string[][]): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  const names: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts = rows.map((r) => (r[c] ?? '').trim()).filter(Boolean);
    names.push(parts.join(' ').replace(/\s+/g, ' '));
  }
  return names;
}

const sameNames = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((n, i) => n === b[i]);

function toRow(rec: CsvRecord, layout: PprrvuLayout): Result<RvuRow, ParseError> {
  const f = rec.fields;
  if (f.length !== layout.columns.length)
    return parseError('BAD_COLUMN_COUNT', rec.line, `expected ${layout.columns.length} columns, found ${f.length}`);
  const col = (name: string): string => f[layout.index[name]].trim();
  const hcpcs = col('HCPCS');
  if (!HCPCS.test(hcpcs)) return parseError('BAD_VALUE', rec.line, `bad HCPCS code "${hcpcs}"`);
  const nums: Record<string, number> = {};
  for (const name of layout.numeric) {
    const v = decimal(col(name));
    if (v === null) return parseError('BAD_NUMBER', rec.line, `${name}: "${col(name)}" is not a number`);
    nums[name] = v;
  }
  const row: RvuRow = {
    hcpcs,
    modifier: col('MOD'),
    status: col('STATUS CODE'),
    notUsedForMedicare: col('NOT USED FOR MEDICARE PAYMENT') !== '',
    workRvu: nums['WORK RVU'],
    nonFacilityPeRvu: nums['NON-FAC PE RVU'],
    nonFacilityNa: col('NON-FAC NA INDICATOR') === 'NA',
    facilityPeRvu: nums['FACILITY PE RVU'],
    facilityNa: col('FACILITY NA INDICATOR') === 'NA',
    mpRvu: nums['MP RVU'],
    nonFacilityTotal: nums['NON-FACILITY TOTAL'],
    facilityTotal: nums['FACILITY TOTAL'],
    pctcIndicator: col('PCTC IND'),
    globalDays: col('GLOB DAYS'),
    multipleProcedure: col('MULT PROC'),
    bilateral: col('BILAT SURG'),
    assistant: col('ASST SURG'),
    coSurgeon: col('CO- SURG'),
    team: col('TEAM SURG'),
    endoscopicBase: col('ENDO BASE'),
    conversionFactor: nums['CONV FACTOR'],
    physicianSupervision: col('PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES'),
    diagnosticImagingFamily: col('DIAGNOSTIC IMAGING FAMILY INDICATOR'),
    oppsNonFacilityPe: nums['NON-FACILITY PE USED FOR OPPS PAYMENT AMOUNT'],
    oppsFacilityPe: nums['FACILITY PE USED FOR OPPS PAYMENT AMOUNT'],
    oppsMp: nums['MP USED FOR OPPS PAYMENT AMOUNT'],
    ...(layout.index['PRIC IND'] !== undefined ? { pricingIndicator: col('PRIC IND') } : {}),
  };
  return ok(row);
}
