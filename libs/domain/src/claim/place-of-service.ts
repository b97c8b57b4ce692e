/**
 * CMS place-of-service codes paid at the facility rate under the MPFS (Medicare Claims Processing
 * Manual ch. 12 §20.4.2): the practitioner's practice expense is lower because the facility
 * bears the overhead.
 */
export const FACILITY_POS: ReadonlySet<string> = new Set([
  '02',
  '06',
  '08',
  '10',
  '19',
  '21',
  '22',
  '23',
  '24',
  '26',
  '31',
  '34',
  '41',
  '42',
  '51',
  '52',
  '53',
  '56',
  '61',
]);

/** Settings whose facility bills the technical component itself (hospital, ASC and the like). */
export const HOSPITAL_LIKE_POS: ReadonlySet<string> = new Set(['19', '21', '22', '23', '24', '26', '31', '51', '52', '56', '61']);

export function isFacilityPos(pos: string): boolean {
  return FACILITY_POS.has(pos);
}
