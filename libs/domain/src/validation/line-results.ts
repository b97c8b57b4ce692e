import type { ClaimLine } from '../claim/claim.schema';
import type { Dataset } from '../refdata/release';
import type { Edit, LineResult, NotChecked } from './edit';

const NONE: readonly never[] = Object.freeze([]);

const NO_FAMILY: readonly Dataset[] = Object.freeze([]);

/** What lineResults reads of an edit: the prose is not needed to know which lines an edit names and denies. */
export type LineEdit = Pick<Edit, 'code' | 'severity' | 'lines'>;

/** A line's result with its edits as given to lineResults (whole, or as far as LineEdit). */
export type LineResultOf<E extends LineEdit> = Omit<LineResult, 'edits'> & { readonly edits: readonly E[] };

/** What lineResults reads of a claim: each line's identity. */
export type LinesOfClaim = { readonly lines: readonly Pick<ClaimLine, 'lineNumber' | 'code' | 'modifiers' | 'units'>[] };

/**
 * Each line with the edits that name it; a line is denied when any deny edit names it, else incomplete when an
 * edit family was not checked for it against the release in force, else clean.
 */
export function lineResults<E extends LineEdit = Edit>(
  claim: LinesOfClaim,
  edits: readonly E[],
  notChecked: readonly NotChecked[] = [],
): LineResultOf<E>[] {
  const lines = claim.lines;
  const buckets: (E[] | undefined)[] = new Array(lines.length);
  const denied: boolean[] = new Array(lines.length).fill(false);
  if (edits.length) {
    // Line numbers should be unique, but the schema does not promise it: an edit names every line with its number.
    const index = new Map<number, number[]>();
    for (let i = 0; i < lines.length; i++) {
      const list = index.get(lines[i].lineNumber);
      if (list) list.push(i);
      else index.set(lines[i].lineNumber, [i]);
    }
    for (const e of edits) {
      for (const n of e.lines) {
        for (const i of index.get(n) ?? []) {
          (buckets[i] ??= []).push(e);
          if (e.severity === 'deny') denied[i] = true;
        }
      }
    }
  }
  return lines.map((line, i) => {
    let families: Dataset[] | undefined;
    for (const n of notChecked) {
      if (n.lines.includes(line.lineNumber) && !families?.includes(n.dataset)) (families ??= []).push(n.dataset);
    }
    return {
      lineNumber: line.lineNumber,
      code: line.code,
      modifiers: line.modifiers,
      units: line.units,
      denied: denied[i],
      outcome: denied[i] ? 'denied' : families ? 'incomplete' : 'clean',
      notChecked: families ?? NO_FAMILY,
      edits: buckets[i] ?? (NONE as readonly E[]),
    };
  });
}
