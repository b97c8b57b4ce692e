import type { Edit, LineResult, NotChecked, Outcome } from './edit';
import { notCheckedEntry, type GapGroup } from './refdata-gaps';

/** The families not checked (one entry per dataset and reason), from the gaps the context and the rules found. */
export const notCheckedOf = (gaps: readonly GapGroup[]): NotChecked[] => gaps.map(notCheckedEntry);

/** The claim's outcome: denied when a line or the claim is denied, else incomplete when anything was not checked. */
export function claimOutcome(lines: readonly LineResult[], edits: readonly Edit[], notChecked: readonly NotChecked[]): Outcome {
  if (lines.some((l) => l.denied) || edits.some((e) => e.severity === 'deny')) return 'denied';
  return notChecked.length ? 'incomplete' : 'clean';
}

/** `claimflow refdata update --quarter …` for every calendar quarter the unchecked dates fall in. */
export function refreshCommand(notChecked: readonly NotChecked[]): string | undefined {
  if (!notChecked.length) return undefined;
  const quarters = new Set<string>();
  for (const n of notChecked) for (const q of quartersBetween(n.from, n.to)) quarters.add(q);
  return `claimflow refdata update --quarter ${[...quarters].sort().join(',')}`;
}

function quartersBetween(from: string, to: string): string[] {
  const index = (iso: string) => Number(iso.slice(0, 4)) * 4 + Math.floor((Number(iso.slice(5, 7)) - 1) / 3);
  const out: string[] = [];
  // A claim's dates span days, not years; cap the list so a typo in a date cannot build a huge command.
  for (let i = index(from); i <= index(to) && out.length < 8; i++) out.push(`${Math.floor(i / 4)}Q${(i % 4) + 1}`);
  return out;
}
