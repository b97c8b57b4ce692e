/** Dates travel as ISO `YYYY-MM-DD` strings and are compared as YYYYMMDD integers on hot paths. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** 2025-03-07 -> 20250307 */
export function dateKey(iso: IsoDate): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/** 20250307 -> 2025-03-07 */
export function isoFromKey(key: number): IsoDate {
  const s = String(key);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}
