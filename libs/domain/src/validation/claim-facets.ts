import type { Claim } from '../claim/claim.schema';
import { isoDateKey } from '../refdata/parsers/fields';
import type { Edit } from './edit';

/** A claim's dates of service as a range: its earliest and latest line date (ISO YYYY-MM-DD). */
export interface ServiceDates {
  readonly from: string;
  readonly to: string;
}

/**
 * The earliest and latest date of service of the claim's lines; undefined when no line has one. Only real calendar
 * dates in ISO form count (a date column refuses 2026-02-30); such dates compare as text in the order of their days.
 */
export function serviceDatesOf(claim: Pick<Claim, 'lines'>): ServiceDates | undefined {
  let from: string | undefined;
  let to: string | undefined;
  // A ledger row's claim is a canonical one; anything else (no lines) has no dates, as the SQL it replaces read it.
  for (const line of Array.isArray(claim.lines) ? claim.lines : []) {
    const date: unknown = line?.dateOfService;
    if (typeof date !== 'string' || isoDateKey(date) === null) continue;
    if (from === undefined || date < from) from = date;
    if (to === undefined || date > to) to = date;
  }
  return from !== undefined && to !== undefined ? { from, to } : undefined;
}

/** The distinct codes of a validation's edits, in code-unit order (what a filter by edit code matches). */
export function editCodesOf(edits: readonly Pick<Edit, 'code'>[]): string[] {
  const codes = new Set<string>();
  for (const e of edits) if (typeof e?.code === 'string') codes.add(e.code);
  return [...codes].sort();
}

/**
 * Whether ClaimFlow predicts a denied line: a deny edit names a line. lineResults marks a line denied when a deny
 * edit names its number, and every rule names only lines of the claim it checked (each edit's lines are the numbers
 * of the claim lines the rule read), so of a validation's own edits this is `lineResults(...).some(denied)` without
 * the claim. A deny edit that names no line (the claim as a whole) denies no line.
 */
export function predictsDeniedLine(edits: readonly Pick<Edit, 'severity' | 'lines'>[]): boolean {
  return edits.some((e) => e?.severity === 'deny' && Array.isArray(e.lines) && e.lines.length > 0);
}
