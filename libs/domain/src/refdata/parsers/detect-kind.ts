import { ADDON_HEADER } from './addon.parser';
import { MUE_2024Q3_HEADER, MUE_SUBSET_HEADER } from './mue.parser';
import { PTP_2024Q3_HEADER, PTP_SUBSET_HEADER } from './ptp-csv.parser';

export type FileKind =
  | 'pprrvu'
  | 'gpci'
  | 'locco'
  | 'anes'
  | 'oppscap'
  | 'zip5'
  | 'ptp-official'
  | 'ptp-csv-2024q3'
  | 'ptp-csv-subset'
  | 'mue-official'
  | 'mue-csv-2024q3'
  | 'mue-csv-subset'
  | 'addon';

/** Recognises a file from its first few kilobytes (its header), never from its name. */
export function detectKind(head: string): FileKind | null {
  const lines = head.split(/\r?\n/).slice(0, 12);
  const first = lines[0] ?? '';
  if (first === PTP_2024Q3_HEADER) return 'ptp-csv-2024q3';
  if (first === PTP_SUBSET_HEADER) return 'ptp-csv-subset';
  if (first === MUE_2024Q3_HEADER) return 'mue-csv-2024q3';
  if (first === MUE_SUBSET_HEADER) return 'mue-csv-subset';
  if (first === ADDON_HEADER) return 'addon';
  if (/^HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,/.test(first)) return 'oppscap';
  if (/^Contractor\s*,Locality\s*,Locality Name\s*,National Anes CF/.test(first)) return 'anes';
  if (/^COUNTIES INCLUDED IN \d{4} LOCALITIES/.test(first)) return 'locco';
  if (/^ADDENDUM E\..*GEOGRAPHIC PRACTICE COST INDICES/.test(first)) return 'gpci';
  if (/National Physician Fee Schedule Relative Value File/.test(first)) return 'pprrvu';
  if (lines.some((l) => /^Column 1\tColumn 2\t/.test(l))) return 'ptp-official';
  if (/^"?HCPCS\/\s*$/m.test(head) && /MUE Values/.test(head)) return 'mue-official';
  if (/^[A-Z]{2}\d{5}\d{5}\d{2}.{61}\d{4}[1-4]$/.test(first)) return 'zip5';
  return null;
}
