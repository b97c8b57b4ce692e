import type { EditCode, Severity } from '../validation/edit';
import type { PayerLineOutcome } from './line-outcome';

/** One claim line ClaimFlow checked and the payer has answered. */
export interface AccuracyLine {
  readonly edits: readonly { readonly code: EditCode; readonly severity: Severity }[];
  readonly outcome: PayerLineOutcome;
  /** GROUP-CARC codes behind the outcome (routine ones left out). */
  readonly reasons: readonly string[];
}

export interface EditAccuracyRow {
  readonly edit: EditCode;
  /** Lines the edit flagged (severity deny or warn) that the payer has answered. */
  readonly flagged: number;
  /** Of those, lines the payer denied. */
  readonly denied: number;
  /** denied / flagged, rounded to 3 places; null when nothing was flagged. */
  readonly precision: number | null;
}

export interface EditAccuracy {
  /** Lines with a payer outcome (reversed ones are left out: their correction counts instead). */
  readonly lines: number;
  readonly denied: number;
  readonly byEdit: readonly EditAccuracyRow[];
  /** Lines ClaimFlow passed clean (no deny or warn edit) that the payer denied: what ClaimFlow misses. */
  readonly missed: { readonly lines: number; readonly byReason: readonly { readonly reason: string; readonly lines: number }[] };
}

const flags = (line: AccuracyLine) => line.edits.filter((e) => e.severity === 'deny' || e.severity === 'warn');

/** Per edit code, how often the payer agreed; and what the payer denied that ClaimFlow passed. */
export function computeEditAccuracy(lines: Iterable<AccuracyLine>): EditAccuracy {
  const byEdit = new Map<EditCode, { flagged: number; denied: number }>();
  const missedByReason = new Map<string, number>();
  let [total, denied, missed] = [0, 0, 0];
  for (const line of lines) {
    if (line.outcome === 'reversed') continue;
    total++;
    const isDenied = line.outcome === 'denied';
    if (isDenied) denied++;
    const codes = new Set(flags(line).map((e) => e.code));
    for (const code of codes) {
      const row = byEdit.get(code) ?? { flagged: 0, denied: 0 };
      row.flagged++;
      if (isDenied) row.denied++;
      byEdit.set(code, row);
    }
    if (codes.size === 0 && isDenied) {
      missed++;
      const reasons = line.reasons.length > 0 ? new Set(line.reasons) : new Set(['(none given)']);
      for (const reason of reasons) missedByReason.set(reason, (missedByReason.get(reason) ?? 0) + 1);
    }
  }
  const rows = [...byEdit]
    .map(([edit, r]) => ({ edit, ...r, precision: r.flagged ? Math.round((r.denied / r.flagged) * 1000) / 1000 : null }))
    .sort((a, b) => b.flagged - a.flagged || a.edit.localeCompare(b.edit));
  const byReason = [...missedByReason]
    .map(([reason, n]) => ({ reason, lines: n }))
    .sort((a, b) => b.lines - a.lines || a.reason.localeCompare(b.reason));
  return { lines: total, denied, byEdit: rows, missed: { lines: missed, byReason } };
}
