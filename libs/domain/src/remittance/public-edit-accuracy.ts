import type { EditCode } from '../validation/edit';
import { computeEditAccuracy, type AccuracyLine, type EditAccuracy } from './edit-accuracy';

/** An answered line and whose claim it was (the submitter never leaves this function). */
export interface ReportedAccuracyLine extends AccuracyLine {
  readonly submitterId: string;
}

export interface PublicEditAccuracy extends EditAccuracy {
  /** Fewest distinct submitters behind every figure shown. */
  readonly minReporters: number;
  /** Rows left out because fewer submitters stood behind them. */
  readonly suppressed: { readonly edits: number; readonly reasons: number };
}

/** The floor the rule allows: never fewer than five submitters behind a figure. */
export const MIN_PUBLIC_REPORTERS = 5;

/**
 * The edit accuracy of every submitter together, under the same k-reporters rule as denial
 * patterns: an edit row, a missed-reason row or the totals are shown only when at least k
 * distinct submitters contributed lines to them.
 */
export function publicEditAccuracy(lines: readonly ReportedAccuracyLine[], minReporters = MIN_PUBLIC_REPORTERS): PublicEditAccuracy {
  const k = Math.max(MIN_PUBLIC_REPORTERS, Math.floor(minReporters));
  const all = computeEditAccuracy(lines);
  const editReporters = new Map<EditCode, Set<string>>();
  const reasonReporters = new Map<string, Set<string>>();
  const everyone = new Set<string>();
  const add = <K>(map: Map<K, Set<string>>, key: K, who: string) => map.set(key, (map.get(key) ?? new Set()).add(who));
  for (const line of lines) {
    if (line.outcome === 'reversed') continue;
    everyone.add(line.submitterId);
    const flagged = line.edits.filter((e) => e.severity === 'deny' || e.severity === 'warn');
    for (const e of flagged) add(editReporters, e.code, line.submitterId);
    if (flagged.length === 0 && line.outcome === 'denied') {
      for (const reason of line.reasons.length ? line.reasons : ['(none given)']) add(reasonReporters, reason, line.submitterId);
    }
  }
  const enough = (who: Set<string> | undefined) => (who?.size ?? 0) >= k;
  const byEdit = all.byEdit.filter((row) => enough(editReporters.get(row.edit)));
  const byReason = all.missed.byReason.filter((row) => enough(reasonReporters.get(row.reason)));
  const totalsShown = everyone.size >= k;
  return {
    lines: totalsShown ? all.lines : 0,
    denied: totalsShown ? all.denied : 0,
    byEdit,
    missed: { lines: totalsShown ? all.missed.lines : 0, byReason },
    minReporters: k,
    suppressed: { edits: all.byEdit.length - byEdit.length, reasons: all.missed.byReason.length - byReason.length },
  };
}
