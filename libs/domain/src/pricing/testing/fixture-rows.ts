import type { RvuRow } from '../../refdata/tables';
import { rvuRow } from './rvu-row';

/**
 * Rows copied by hand from CMS's PPRRVU2025_Oct.csv (RVU25D) and the 2026 July excerpt (RVU26C):
 * work, non-facility PE, facility PE, MP, then the indicators that differ from the defaults.
 */
type Rvus = readonly [work: number, nonFacilityPe: number, facilityPe: number, mp: number];

function row(hcpcs: string, modifier: string, rvus: Rvus, extra: Partial<RvuRow> = {}): RvuRow {
  const [workRvu, nonFacilityPeRvu, facilityPeRvu, mpRvu] = rvus;
  return rvuRow({ hcpcs, modifier, workRvu, nonFacilityPeRvu, facilityPeRvu, mpRvu, ...extra });
}

/** Global, 26 and TC rows of an imaging-style code (global and TC are NA in the facility setting). */
function pctc(hcpcs: string, global: Rvus, pc: Rvus, tc: Rvus, extra: Partial<RvuRow> = {}): RvuRow[] {
  const common = { pctcIndicator: '1', ...extra };
  return [
    row(hcpcs, '', global, { ...common, facilityNa: true }),
    row(hcpcs, '26', pc, common),
    row(hcpcs, 'TC', tc, { ...common, facilityNa: true }),
  ];
}

const surgery = (extra: Partial<RvuRow>): Partial<RvuRow> => ({ multipleProcedure: '2', globalDays: '090', ...extra });

export const ROWS_2025: readonly RvuRow[] = [
  ...pctc('76000', [0.3, 0.95, 0.95, 0.04], [0.3, 0.12, 0.12, 0.03], [0, 0.83, 0.83, 0.01]),
  ...pctc('77002', [0.54, 2.83, 2.83, 0.04], [0.54, 0.22, 0.22, 0.03], [0, 2.61, 2.61, 0.01], { globalDays: 'ZZZ' }),
  ...pctc('77003', [0.6, 2.44, 2.44, 0.04], [0.6, 0.21, 0.21, 0.03], [0, 2.23, 2.23, 0.01], { globalDays: 'ZZZ' }),
  ...pctc('70450', [0.85, 2.35, 2.35, 0.05], [0.85, 0.31, 0.31, 0.04], [0, 2.04, 2.04, 0.01], {
    multipleProcedure: '4',
    diagnosticImagingFamily: '88',
  }),
  ...pctc('70486', [0.85, 3.0, 3.0, 0.05], [0.85, 0.32, 0.32, 0.04], [0, 2.68, 2.68, 0.01], {
    multipleProcedure: '4',
    diagnosticImagingFamily: '88',
  }),
  ...pctc('70496', [1.75, 6.56, 6.56, 0.11], [1.75, 0.63, 0.63, 0.08], [0, 5.93, 5.93, 0.03], {
    multipleProcedure: '4',
    diagnosticImagingFamily: '88',
  }),
  ...pctc('93306', [1.46, 4.28, 4.28, 0.07], [1.46, 0.52, 0.52, 0.04], [0, 3.76, 3.76, 0.03], { multipleProcedure: '6' }),
  ...pctc('92250', [0.4, 0.68, 0.68, 0.02], [0.4, 0.2, 0.2, 0.01], [0, 0.48, 0.48, 0.01], { multipleProcedure: '7', bilateral: '2' }),
  ...pctc('92134', [0.32, 0.63, 0.63, 0.02], [0.32, 0.2, 0.2, 0.01], [0, 0.43, 0.43, 0.01], { multipleProcedure: '7', bilateral: '2' }),
  row('93000', '', [0.17, 0.24, 0.24, 0.02], { pctcIndicator: '4', multipleProcedure: '6' }),
  row('97110', '', [0.45, 0.43, 0.43, 0.01], { pctcIndicator: '7', multipleProcedure: '5' }),
  row('97140', '', [0.43, 0.4, 0.4, 0.01], { pctcIndicator: '7', multipleProcedure: '5' }),
  row('99213', '', [1.3, 1.35, 0.57, 0.1]),
  row('20610', '', [0.79, 1.04, 0.44, 0.13], { multipleProcedure: '2', globalDays: '000', bilateral: '1', assistant: '1' }),
  row('27130', '', [19.6, 15.34, 15.34, 3.99], surgery({ nonFacilityNa: true, bilateral: '1', assistant: '2', coSurgeon: '1' })),
  row('27447', '', [19.6, 15.3, 15.3, 3.98], surgery({ nonFacilityNa: true, bilateral: '1', assistant: '2', coSurgeon: '1' })),
  row('22612', '', [23.53, 17.86, 17.86, 6.64], surgery({ nonFacilityNa: true, assistant: '2', coSurgeon: '2' })),
  row('33533', '', [33.75, 13.54, 13.54, 8.02], surgery({ nonFacilityNa: true, assistant: '2', team: '0' })),
  row('69210', '', [0.61, 0.76, 0.28, 0.07], { multipleProcedure: '2', globalDays: '000', bilateral: '2', assistant: '1' }),
  row('64483', '', [1.9, 5.24, 1.27, 0.16], { multipleProcedure: '2', globalDays: '000', bilateral: '1', assistant: '1' }),
  row('64484', '', [1.0, 2.2, 0.43, 0.08], { globalDays: 'ZZZ', bilateral: '1', assistant: '1' }),
  row('43235', '', [2.09, 6.18, 1.29, 0.27], { multipleProcedure: '2', globalDays: '000', assistant: '1' }),
  row('43239', '', [2.39, 8.36, 1.42, 0.29], { multipleProcedure: '3', globalDays: '000', assistant: '1', endoscopicBase: '43235' }),
  row('43249', '', [2.67, 27.63, 1.54, 0.34], { multipleProcedure: '3', globalDays: '000', assistant: '1', endoscopicBase: '43235' }),
  row('22818', '', [34.33, 23.53, 23.53, 7.02], surgery({ nonFacilityNa: true, assistant: '2', coSurgeon: '2', team: '2' })),
  row('70030', '', [0.18, 0.79, 0.79, 0.02], { pctcIndicator: '1', facilityNa: true, bilateral: '3' }),
  row('94760', '', [0, 0.1, 0.1, 0.01], { status: 'T', pctcIndicator: '3', facilityNa: true }),
  row('22526', '', [5.85, 49.39, 3.38, 0.6], { status: 'N', notUsedForMedicare: true, globalDays: '010', pctcIndicator: '9' }),
  row('0633T', '', [0, 0, 0, 0], { status: 'C', pctcIndicator: '1', facilityNa: true }),
  row('G0008', '', [0, 0, 0, 0], { status: 'X', pctcIndicator: '9' }),
  row('0001F', '', [0, 0, 0, 0], { status: 'M', pctcIndicator: '9' }),
];

export const ROWS_2026: readonly RvuRow[] = [
  ...pctc('76000', [0.3, 0.98, 0.98, 0.04], [0.3, 0.13, 0.13, 0.03], [0, 0.85, 0.85, 0.01], { pricingIndicator: '9' }),
  ...pctc('77003', [0.59, 2.49, 2.49, 0.05], [0.59, 0.22, 0.22, 0.04], [0, 2.27, 2.27, 0.01], { globalDays: 'ZZZ' }),
];
