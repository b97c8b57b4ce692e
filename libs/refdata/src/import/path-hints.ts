import { basename } from 'node:path';

/** The last 20xx year named in a path (e.g. .../mpfs/2025/OPPSCAP_Oct.csv -> 2025). */
export function yearFromPath(path: string): number | null {
  const all = [...path.matchAll(/(?:^|[^\d])(20\d\d)(?=[^\d]|$)/g)];
  return all.length ? Number(all[all.length - 1][1]) : null;
}

/** "2024q3" anywhere in the path, or an explicit "2024Q3" hint. */
export function quarterFromText(text: string): { year: number; quarter: number } | null {
  const m = /(20\d\d)\s*q([1-4])/i.exec(text);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

/** CMS PTP versions: v32.2 = 2026 Q3 (major = year - 1994, minor = quarter - 1), file names like ccipra-v322r0-f1. */
export function quarterFromPtpVersion(path: string): { year: number; quarter: number } | null {
  const m = /v(\d\d)(\d)r\d/i.exec(basename(path));
  if (!m || Number(m[2]) > 3) return null;
  return { year: 1994 + Number(m[1]), quarter: Number(m[2]) + 1 };
}

/** MUE files are named by effective date: ..._Eff_07-01-2026.csv */
export function quarterFromMueName(path: string): { year: number; quarter: number } | null {
  const m = /Eff_(\d{2})-01-(\d{4})/i.exec(basename(path));
  if (!m || !['01', '04', '07', '10'].includes(m[1])) return null;
  return { year: Number(m[2]), quarter: (Number(m[1]) - 1) / 3 + 1 };
}

export type PtpSetting = 'ncci-ptp-practitioner' | 'ncci-ptp-hospital';

/** CMS names practitioner files ccipra-* and outpatient hospital files ccioph-*; the header does not say. */
export const ptpSettingOf = (path: string): PtpSetting =>
  /ccioph|hospital|outpatient/i.test(basename(path)) ? 'ncci-ptp-hospital' : 'ncci-ptp-practitioner';

/** The plain MUE CSVs do not name their setting in the header. */
export function mueSettingOf(path: string): 'ncci-mue-practitioner' | 'ncci-mue-hospital' | 'ncci-mue-dme' | null {
  const name = basename(path);
  if (/dme/i.test(name)) return 'ncci-mue-dme';
  if (/outpatient|hospital/i.test(name)) return 'ncci-mue-hospital';
  if (/practitioner/i.test(name)) return 'ncci-mue-practitioner';
  return null;
}
