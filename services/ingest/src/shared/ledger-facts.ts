import { compactStoredEdits } from '@claimflow/contracts';
import type { EditCode, Severity } from '@claimflow/domain';

type Edits = readonly { readonly code: EditCode; readonly severity: Severity }[];

interface StoredResult {
  validation?: {
    lines?: { lineNumber?: number; edits?: { code?: string; severity?: string }[] }[];
  };
  pricing?: { lines?: { breakdown?: { gpci?: { locality?: { carrier?: string } } } }[] };
}

/**
 * The edits ClaimFlow reported per line, from the ledger's result read whole (readStoredResult), or as stored in the
 * compact form, which has no lines (compactStoredEdits: its edits as the whole result lists them, no prose written):
 * an edit is on the lines its numbers name, as lineResults puts it.
 */
export function editsByLine(result: unknown): Map<number, Edits> {
  const compact = compactStoredEdits(result);
  if (compact) return byEditLines(compact);
  const validation = (result as StoredResult | null)?.validation;
  const lines = validation?.lines ?? [];
  return new Map(
    lines
      .filter((l) => typeof l.lineNumber === 'number')
      .map((l) => [
        l.lineNumber as number,
        (l.edits ?? []).filter((e) => e.code && e.severity).map((e) => ({ code: e.code as EditCode, severity: e.severity as Severity })),
      ]),
  );
}

function byEditLines(edits: readonly { code?: string; severity?: string; lines?: readonly number[] }[]): Map<number, Edits> {
  const byLine = new Map<number, { code: EditCode; severity: Severity }[]>();
  for (const e of edits) {
    if (!e.code || !e.severity) continue;
    for (const n of e.lines ?? []) {
      const list = byLine.get(n) ?? [];
      list.push({ code: e.code as EditCode, severity: e.severity as Severity });
      byLine.set(n, list);
    }
  }
  return byLine;
}

/** The Medicare carrier the claim was priced under (from the claim's locality or its ZIP), from the result read whole. */
export function pricedCarrier(result: unknown): string | undefined {
  const lines = (result as StoredResult | null)?.pricing?.lines ?? [];
  return lines.find((l) => l.breakdown?.gpci?.locality?.carrier)?.breakdown?.gpci?.locality?.carrier;
}
