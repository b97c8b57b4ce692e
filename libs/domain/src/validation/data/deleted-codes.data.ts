import type { IsoDate } from '../../shared/dates';

/** Codes deleted from CPT that fee schedules no longer list, so only we can name them as deleted. */
export interface DeletedCode {
  readonly code: string;
  readonly deleted: IsoDate;
  /** Set only when one code replaces it whatever the circumstances (the fix is then automatic). */
  readonly replacement?: string;
  readonly advice: string;
}

const EPIDURAL_2017 = 'The 2017 CPT revision replaced it with 62320-62327, chosen by level and by whether imaging guidance was used (the "with imaging guidance" codes include fluoroscopy).';

export const DELETED_CODES: ReadonlyMap<string, DeletedCode> = new Map(
  [
    {
      code: '76001',
      deleted: '2019-01-01',
      replacement: '76000',
      advice: 'There is no code for fluoroscopy over 1 hour; use 76000 for fluoroscopy up to 1 hour (one unit covers the session).',
    },
    { code: '75998', deleted: '2007-01-01', replacement: '77001', advice: 'Fluoroscopic guidance for central venous access is reported with 77001.' },
    { code: '76003', deleted: '2007-01-01', replacement: '77002', advice: 'Fluoroscopic guidance for needle placement is reported with 77002.' },
    { code: '76005', deleted: '2007-01-01', replacement: '77003', advice: 'Fluoroscopic guidance for spine or paraspinous injections is reported with 77003.' },
    { code: '62310', deleted: '2017-01-01', advice: EPIDURAL_2017 },
    { code: '62311', deleted: '2017-01-01', advice: EPIDURAL_2017 },
    { code: '62318', deleted: '2017-01-01', advice: EPIDURAL_2017 },
    { code: '62319', deleted: '2017-01-01', advice: EPIDURAL_2017 },
    { code: '99201', deleted: '2021-01-01', replacement: '99202', advice: 'New-patient office visits start at 99202 since 2021.' },
  ].map((d) => [d.code, d]),
);
