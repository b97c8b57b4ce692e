import { RefDataCatalog } from '../../refdata/catalog';
import type { ReleaseInfo } from '../../refdata/release';
import { addonTable, feeTable, mueTable, ptpTable, rvu, type PtpSpec } from './refdata.fixture';

/** Rows copied from the real CMS files (PPRRVU 2025 Oct, NCCI 2024Q3) for the codes the seeds discuss. */
export const FLUORO_FEE_ROWS = [
  ...['76000', '77001', '77002', '77003', '77012', '77021'].flatMap((c) => [
    rvu(c, { pctc: '1', globalDays: ['77001', '77002', '77003'].includes(c) ? 'ZZZ' : 'XXX' }),
    rvu(c, { pctc: '1', modifier: '26', globalDays: 'XXX' }),
    rvu(c, { pctc: '1', modifier: 'TC', globalDays: 'XXX' }),
  ]),
  ...[
    '21550',
    '27093',
    '36556',
    '36569',
    '44500',
    '62270',
    '62284',
    '62320',
    '62321',
    '62322',
    '62323',
    '64490',
    '64520',
    '20610',
    '20552',
    '99213',
  ].map((c) => rvu(c, { globalDays: c === '99213' ? 'XXX' : '000' })),
  ...['64491', '20701', '64727', 'G0514'].map((c) => rvu(c, { globalDays: 'ZZZ' })),
  rvu('11010', { globalDays: '010' }),
  ...['27447', '64702'].map((c) => rvu(c, { globalDays: '090' })),
  rvu('G0513', { globalDays: 'ZZZ' }),
  rvu('96372', { pctc: '5', globalDays: 'XXX' }),
  rvu('36000', { status: 'B', pctc: '9', globalDays: 'XXX' }),
  rvu('36591', { status: 'T', pctc: '3', globalDays: 'XXX' }),
  rvu('0001F', { status: 'I', pctc: '9', globalDays: 'XXX' }),
  ...['G0008', '80053', '32850'].map((c) => rvu(c, { status: 'X', pctc: '9', globalDays: 'XXX' })),
  rvu('00100', { status: 'J', pctc: '9', globalDays: 'XXX' }),
  rvu('0627T', { status: 'C', globalDays: 'YYY' }),
  rvu('83020', { status: 'X', pctc: '9', globalDays: 'XXX' }),
  rvu('83020', { pctc: '6', modifier: '26', globalDays: 'XXX' }),
];

export const FLUORO_PTP: readonly PtpSpec[] = [
  ['62323', '77003', '1', 'CPT Manual or CMS manual coding instruction'],
  ['62320', '77003', '1', 'CPT Manual or CMS manual coding instruction'],
  ['62321', '62320', '0', 'HCPCS/CPT procedure code definition'],
  ['64490', '77003', '1', 'CPT Manual or CMS manual coding instruction'],
  ['64491', '77003', '1', 'CPT Manual or CMS manual coding instruction'],
  ['77002', '76000', '1', 'Misuse of Column Two code with Column One code'],
  ['77003', '76000', '1', 'Misuse of Column Two code with Column One code'],
  ['77001', '76000', '1', 'HCPCS/CPT procedure code definition'],
  ['77012', '77002', '1', 'Mutually exclusive procedures'],
  ['77021', '77002', '1', 'Mutually exclusive procedures'],
  ['36569', '77001', '1', 'CPT Manual or CMS manual coding instruction'],
  ['20610', '20552', '1', 'Misuse of Column Two code with Column One code'],
  ['27093', '77002', '1', 'Standards of medical/surgical practice', '2009-01-01', '2010-03-31'],
  ['64520', '77003', '1', 'Standards of medical/surgical practice', '2009-01-01', '2016-12-31'],
];

export const FLUORO_MUE = [
  ['76000', 3, 3],
  ['77001', 2, 3],
  ['77002', 1, 3, 'CMS Policy'],
  ['77003', 1, 3, 'CMS Policy'],
  ['77012', 1, 3, 'CMS Policy'],
  ['62323', 1, 3],
  ['62320', 1, 3],
  ['64490', 1, 2, 'CMS Policy'],
  ['64491', 1, 2, 'CMS Policy'],
  ['21550', 2, 3],
  ['36569', 2, 3],
  ['44500', 1, 3],
  ['20610', 2, 3],
  ['20552', 1, 2, 'Code Descriptor / CPT Instruction'],
  ['G0514', 1, 1, 'Clinical: CMS Workgroup'],
  ['G0513', 1, 2, 'Code Descriptor / CPT Instruction'],
] as const;

const PRIMARIES_77003 = [
  '61050',
  '61055',
  '62267',
  '62273',
  '62280',
  '62281',
  '62282',
  '62284',
  '64449',
  '64510',
  '64517',
  '64520',
  '64610',
  '96450',
];

export const FLUORO_ADDON = [
  ['77003', 1, PRIMARIES_77003],
  [
    '77002',
    1,
    ['10160', '20206', '20220', '20225', '20526', '20550', '20551', '20552', '20553', '20600', '20605', '20610', '21550', '27093', '27095'],
  ],
  ['77001', 2, []],
  ['64491', 1, ['64490']],
  ['G0514', 1, ['G0513']],
  ['20701', 3, ['11010', '11011', '11012', '11043']],
  ['64727', 3, ['64702', '64721', 'CCCCC']],
] as const;

/** The seed codes' tables in force through 2025 (fee schedule) and NCCI tables for the same year. */
export function fluoroCatalog(o: { fee?: Partial<ReleaseInfo>; ptp?: Partial<ReleaseInfo> } = {}): RefDataCatalog {
  return new RefDataCatalog()
    .add('mpfs-rvu', feeTable(FLUORO_FEE_ROWS, o.fee))
    .add('ncci-ptp-practitioner', ptpTable(FLUORO_PTP, o.ptp))
    .add('ncci-mue-practitioner', mueTable(FLUORO_MUE.map((m) => [...m] as [string, number, 1 | 2 | 3, string?])))
    .add(
      'ncci-mue-hospital',
      mueTable(
        FLUORO_MUE.map((m) => [...m] as [string, number, 1 | 2 | 3, string?]),
        {},
        'ncci-mue-hospital',
      ),
    )
    .add('ncci-addon', addonTable(FLUORO_ADDON.map(([a, t, p]) => [a, t, [...p]] as const)));
}
