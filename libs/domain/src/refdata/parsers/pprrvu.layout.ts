/** Column names as the five header rows read top to bottom, blanks dropped. */
const BEFORE_PRIC = [
  'HCPCS',
  'MOD',
  'DESCRIPTION',
  'STATUS CODE',
  'NOT USED FOR MEDICARE PAYMENT',
  'WORK RVU',
  'NON-FAC PE RVU',
  'NON-FAC NA INDICATOR',
  'FACILITY PE RVU',
  'FACILITY NA INDICATOR',
  'MP RVU',
  'NON-FACILITY TOTAL',
  'FACILITY TOTAL',
  'PCTC IND',
  'GLOB DAYS',
  'PRE OP',
  'INTRA OP',
  'POST OP',
  'MULT PROC',
  'BILAT SURG',
  'ASST SURG',
  'CO- SURG',
  'TEAM SURG',
];
const AFTER_PRIC = [
  'ENDO BASE',
  'CONV FACTOR',
  'PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES',
  'CALCULATION FLAG',
  'DIAGNOSTIC IMAGING FAMILY INDICATOR',
  'NON-FACILITY PE USED FOR OPPS PAYMENT AMOUNT',
  'FACILITY PE USED FOR OPPS PAYMENT AMOUNT',
  'MP USED FOR OPPS PAYMENT AMOUNT',
];

const NUMERIC = [
  'WORK RVU',
  'NON-FAC PE RVU',
  'FACILITY PE RVU',
  'MP RVU',
  'NON-FACILITY TOTAL',
  'FACILITY TOTAL',
  'CONV FACTOR',
  'NON-FACILITY PE USED FOR OPPS PAYMENT AMOUNT',
  'FACILITY PE USED FOR OPPS PAYMENT AMOUNT',
  'MP USED FOR OPPS PAYMENT AMOUNT',
];

export interface PprrvuLayout {
  readonly name: 'pprrvu-31' | 'pprrvu-32';
  readonly columns: readonly string[];
  readonly index: Readonly<Record<string, number>>;
  readonly numeric: readonly string[];
}

function layout(name: PprrvuLayout['name'], columns: string[]): PprrvuLayout {
  return { name, columns, index: Object.fromEntries(columns.map((c, i) => [c, i])), numeric: NUMERIC };
}

/** CY2025 (31 columns) and CY2026, which adds PRIC IND between TEAM SURG and ENDO BASE (32). */
export const PPRRVU_LAYOUTS: readonly PprrvuLayout[] = [
  layout('pprrvu-31', [...BEFORE_PRIC, ...AFTER_PRIC]),
  layout('pprrvu-32', [...BEFORE_PRIC, 'PRIC IND', ...AFTER_PRIC]),
];
