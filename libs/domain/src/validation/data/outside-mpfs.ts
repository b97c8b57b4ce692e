/**
 * Codes Medicare usually prices outside the physician fee schedule: HCPCS Level II (drugs, DMEPOS,
 * ambulance, G/Q codes with their own rates), proprietary lab analyses (U) and the clinical lab range.
 * For those, absence from the MPFS or status X is not a denial: another fee schedule pays them.
 */
export function pricedOutsideMpfs(code: string): boolean {
  const first = code.charCodeAt(0);
  if (first >= 65 && first <= 90) return true;
  if (code.endsWith('U')) return true;
  return code >= '80000' && code <= '89999';
}
