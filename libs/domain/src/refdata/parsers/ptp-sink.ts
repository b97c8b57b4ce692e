import type { ModifierIndicator } from '../tables';

/** Receives PTP rows as they are parsed: a 2.5M-row table is never held as objects. */
export interface PtpSink {
  add(
    column1: string,
    column2: string,
    effective: number | null,
    deletion: number | null,
    modifier: ModifierIndicator,
    rationale: string,
  ): void;
}

/** Collects rows as objects; for small files and tests. */
export class PtpRowCollector implements PtpSink {
  readonly rows: {
    column1: string;
    column2: string;
    effective: number | null;
    deletion: number | null;
    modifier: ModifierIndicator;
    rationale: string;
  }[] = [];
  add(
    column1: string,
    column2: string,
    effective: number | null,
    deletion: number | null,
    modifier: ModifierIndicator,
    rationale: string,
  ): void {
    this.rows.push({ column1, column2, effective, deletion, modifier, rationale });
  }
}

export const isModifierIndicator = (v: string): v is ModifierIndicator => v === '0' || v === '1' || v === '9';
