import type { Claim, ClaimLine } from '../claim/claim.schema';
import type { Edit } from './edit';
import { DISTINCT_SERVICE_MODIFIERS } from './modifiers';

type Draft = { line: ClaimLine; removed: boolean };

/**
 * The claim with only the automatic fixes applied (fixes with a single right answer). Lines keep their
 * numbers. A 59/X modifier is never added: only the record can justify one.
 */
export function correctedClaim(claim: Claim, edits: readonly Edit[]): Claim {
  const fixes = edits.filter((e) => e.fix.automatic);
  if (fixes.length === 0) return claim;
  const drafts: Draft[] = claim.lines.map((l) => ({ line: { ...l, modifiers: [...l.modifiers] }, removed: false }));
  const named = (n: number) => drafts.filter((d) => d.line.lineNumber === n && !d.removed);
  for (const e of fixes) if (e.fix.action === 'remove-line') for (const n of e.lines) for (const d of named(n)) d.removed = true;
  for (const e of fixes) {
    const fix = e.fix;
    if (fix.action === 'reduce-units' && fix.units !== undefined) reduce(e.lines.flatMap(named), fix.units);
    for (const { line } of e.lines.flatMap(named)) {
      if (fix.action === 'add-modifier' && fix.modifier && !DISTINCT_SERVICE_MODIFIERS.has(fix.modifier)) {
        if (!line.modifiers.includes(fix.modifier) && line.modifiers.length < 4) line.modifiers.push(fix.modifier);
      } else if (fix.action === 'remove-modifier' && fix.modifier) {
        line.modifiers = line.modifiers.filter((m) => m !== fix.modifier);
      } else if (fix.action === 'replace-code' && fix.replacementCode) {
        line.code = fix.replacementCode;
      }
    }
  }
  const kept = drafts.filter((d) => !d.removed).map((d) => d.line);
  // A claim needs a line: when every line would go, nothing is billable and the edits say so.
  return kept.length ? { ...claim, lines: kept } : claim;
}

/** Shares the allowed units across the edit's lines in line order; a line left with none is dropped. */
function reduce(drafts: readonly Draft[], allowed: number): void {
  let left = allowed;
  for (const d of drafts) {
    const units = Math.min(d.line.units, left);
    left -= units;
    if (units === 0) d.removed = true;
    else d.line.units = units;
  }
}
