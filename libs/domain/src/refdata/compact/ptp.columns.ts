/**
 * The compact PTP layout (CSR): codes interned to ids in sorted order; the rows of column-1 id i
 * are rows[start[i] .. start[i+1]), sorted by column-2 id then effective date, in parallel arrays.
 * Dates are YYYYMMDD ints; 0 = none (effective unknown, or not deleted).
 */
export interface PtpColumns {
  readonly codes: readonly string[];
  readonly rationales: readonly string[];
  readonly start: Uint32Array;
  readonly column2: Uint16Array | Uint32Array;
  readonly effective: Int32Array;
  readonly deletion: Int32Array;
  readonly modifier: Uint8Array;
  readonly rationale: Uint16Array;
}
