import type { Contribution } from './contributors';

/**
 * Random rounding to a multiple of `base` with the cell-key method (the ABS cell-key method): the
 * fraction of the sum of the records' secret keys is the cell's key, and decides whether to round
 * up (with probability remainder/base, so the rounding is unbiased). The same records always round
 * the same way, in every view and every publication, so asking again or elsewhere does not average
 * the rounding away.
 */
export function roundCount(records: readonly Pick<Contribution, 'recordKey'>[], base: number): number {
  const c = records.length;
  const r = c % base;
  if (r === 0) return c;
  const sum = records.reduce((s, x) => s + x.recordKey, 0);
  const cellKey = sum - Math.floor(sum);
  return c - r + (cellKey < r / base ? base : 0);
}
