import type { EditCode, Severity } from '@claimflow/domain';

type Edits = readonly { readonly code: EditCode; readonly severity: Severity }[];

interface StoredResult {
  validation?: { lines?: { lineNumber?: number; edits?: { code?: string; severity?: string }[] }[] };
  pricing?: { lines?: { breakdown?: { gpci?: { locality?: { carrier?: string } } } }[] };
}

/** The edits ClaimFlow reported per line, from the ledger's result read whole (readStoredResult). */
export function editsByLine(result: unknown): Map<number, Edits> {
  const lines = (result as StoredResult | null)?.validation?.lines ?? [];
  return new Map(
    lines
      .filter((l) => typeof l.lineNumber === 'number')
      .map((l) => [
        l.lineNumber as number,
        (l.edits ?? []).filter((e) => e.code && e.severity).map((e) => ({ code: e.code as EditCode, severity: e.severity as Severity })),
      ]),
  );
}

/** The Medicare carrier the claim was priced under (from the claim's locality or its ZIP), from the result read whole. */
export function pricedCarrier(result: unknown): string | undefined {
  const lines = (result as StoredResult | null)?.pricing?.lines ?? [];
  return lines.find((l) => l.breakdown?.gpci?.locality?.carrier)?.breakdown?.gpci?.locality?.carrier;
}
