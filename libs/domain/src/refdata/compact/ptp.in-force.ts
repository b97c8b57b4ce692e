/**
 * Whether a PTP row applies on a date of service (all YYYYMMDD; 0 = none).
 *
 * CMS writes the deletion date as the last day the edit applies: deletions fall on quarter ends
 * (20100331, 20231231) and the next quarter's file starts without the edit. A row whose deletion
 * date equals its effective date was deleted retroactively (CMS marks those modifier 9): it never
 * applied. An unknown effective date (0, the 2024Q3 conversion) counts as in force since ever.
 */
export function ptpRowInForce(effective: number, deletion: number, dos: number): boolean {
  if (effective > dos) return false;
  if (deletion === 0) return true;
  return deletion !== effective && dos <= deletion;
}
