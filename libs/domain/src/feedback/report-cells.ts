import type { DenialReport } from './denial-report.schema';

/**
 * The aggregate dimensions of a report. Single-valued ones (payer, appeal, outcome) partition
 * the reports; multi-valued ones count the reports that carry each value.
 */
export const SINGLE_VALUED = ['payer', 'appeal', 'outcome'] as const;
export const MULTI_VALUED = ['carc', 'rarc', 'cobilled', 'edit'] as const;
export type Dimension = 'total' | (typeof SINGLE_VALUED)[number] | (typeof MULTI_VALUED)[number];

export interface ReportCell {
  readonly dimension: Dimension;
  readonly value: string;
}

const unique = (values: readonly string[]) => [...new Set(values)].sort();

/** The counter cells one report adds 1 to, in a fixed order (so concurrent writers lock alike). */
export function reportCells(report: DenialReport): ReportCell[] {
  const cells: ReportCell[] = [
    { dimension: 'total', value: '' },
    { dimension: 'payer', value: report.payer.type },
    { dimension: 'appeal', value: report.appeal.filed ? 'filed' : 'not-filed' },
  ];
  if (report.appeal.filed) cells.push({ dimension: 'outcome', value: report.appeal.outcome });
  const multi: Record<(typeof MULTI_VALUED)[number], string[]> = {
    carc: unique(report.denialReasons.carc),
    rarc: unique(report.denialReasons.rarc),
    cobilled: unique(report.billedCodes.map((b) => b.code).filter((c) => c !== report.deniedCode)),
    edit: unique(report.claimflowEdits),
  };
  for (const dimension of MULTI_VALUED) for (const value of multi[dimension]) cells.push({ dimension, value });
  return cells.sort((a, b) => a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value));
}

/** 2026-09 -> 202609: months are stored and compared as integers. */
export function monthKey(month: string): number {
  return Number(month.slice(0, 4)) * 100 + Number(month.slice(5, 7));
}

export function monthFromKey(key: number): string {
  return `${Math.floor(key / 100)}-${String(key % 100).padStart(2, '0')}`;
}
