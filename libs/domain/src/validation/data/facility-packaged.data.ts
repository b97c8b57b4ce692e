/**
 * OPPS status indicator N ("items and services packaged into APC rates"): the facility gets no separate
 * payment; the physician's professional component (-26, on the professional claim) is unaffected.
 */
export interface PackagedCodeGroup {
  readonly codes: readonly string[];
  /** Places of service of institutional claims where the packaging applies (19/22 outpatient hospital, 24 ASC). */
  readonly settings: readonly string[];
  readonly summary: string;
}

export const FACILITY_PACKAGED: readonly PackagedCodeGroup[] = [
  {
    codes: ['77001', '77002', '77003'],
    settings: ['19', '22', '24'],
    summary: 'fluoroscopic guidance is packaged into the APC payment of the primary procedure',
  },
];
