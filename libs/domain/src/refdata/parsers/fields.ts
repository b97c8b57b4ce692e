const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** Strict decimal: digits with an optional fraction, surrounding blanks tolerated; anything else is null. */
export function decimal(field: string | undefined): number | null {
  if (field === undefined) return null;
  const t = field.trim();
  return DECIMAL.test(t) ? Number(t) : null;
}

/** YYYYMMDD with a real calendar date, as an integer. */
export function yyyymmdd(field: string): number | null {
  if (!/^\d{8}$/.test(field)) return null;
  const y = Number(field.slice(0, 4));
  const m = Number(field.slice(4, 6));
  const d = Number(field.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return y * 10000 + m * 100 + d;
}

/** YYYY-MM-DD as a YYYYMMDD integer. */
export function isoDateKey(field: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(field) ? yyyymmdd(field.replace(/-/g, '')) : null;
}

export const HCPCS = /^[0-9A-Z]{5}$/;

export const isBlankRecord = (fields: readonly string[]): boolean => fields.every((f) => f.trim() === '');
