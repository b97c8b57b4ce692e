import { RefDataCatalog } from '../../refdata/catalog';
import type { LineSpec } from './claim.fixture';
import { FLUORO_FEE_ROWS, FLUORO_PTP } from './fluoro.fixture';
import { feeTable, ptpTable, rvu } from './refdata.fixture';

// E&M services are column 2 codes of almost every procedure in the NCCI PTP table, with modifier indicator 1
// (e.g. 20610/99213 in the 2026Q3 practitioner release); global days as in the PPRRVU file (20610 000, 11010 010, 27447 090).
export const emCatalog = new RefDataCatalog()
  .add(
    'mpfs-rvu',
    feeTable([
      ...FLUORO_FEE_ROWS,
      ...['99215', '99223', 'G0463'].map((c) => rvu(c, { globalDays: 'XXX' })),
      rvu('82565', { globalDays: 'XXX' }),
    ]),
  )
  .add(
    'ncci-ptp-practitioner',
    ptpTable([
      ...FLUORO_PTP,
      ['20610', '99213', '1'],
      ['11010', '99213', '1'],
      ['27447', '99223', '1'],
      ['27447', '20610', '1'],
      ['99215', '99213', '1'],
      ['99213', '96372', '1'],
      ['80053', '82565', '1'],
    ]),
  )
  .add('ncci-ptp-hospital', ptpTable([['99215', '99213', '1']], {}, 'ncci-ptp-hospital'));

/** A line with modifiers. */
export const m = (code: string, ...modifiers: string[]): LineSpec => ({ code, modifiers });
