/**
 * Postgres's jsonb keeps an object's keys shorter first, then in byte order, and JSON read back from a jsonb column
 * comes in that order. A value rebuilt in code is put in the same order, so that it serializes to the very bytes the
 * column gave before (the keys here are ASCII, where byte order and JavaScript's string order agree).
 */
const jsonbKeyOrder = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** The object with its own keys in jsonb's order (undefined values left out, as JSON leaves them); its values as they are. */
export function keysInJsonbOrder<T extends object>(value: T): T {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(source).sort(jsonbKeyOrder)) if (source[k] !== undefined) out[k] = source[k];
  return out as T;
}

/** The value with every object in it in jsonb's order; what is in that order already is kept, not copied. */
export function inJsonbOrder<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = inJsonbOrder(value[i]);
      if (item !== value[i]) (out ??= value.slice())[i] = item;
    }
    return (out ?? value) as T;
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  let same = true;
  const values = keys.map((k, i) => {
    const v = inJsonbOrder(source[k]);
    if (v !== source[k] || v === undefined || (i > 0 && jsonbKeyOrder(keys[i - 1], k) > 0)) same = false;
    return v;
  });
  if (same) return value;
  return keysInJsonbOrder(Object.fromEntries(keys.map((k, i) => [k, values[i]]))) as T;
}
