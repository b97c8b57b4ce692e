import { PATTERN_DETECTORS, type PersonalDataKind } from './personal-data.patterns';
import { findPersonNames } from './person-names';

export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  /** Zero-based character offsets into the text; the matched text itself is never echoed. */
  readonly start: number;
  readonly end: number;
}

function overlaps(a: { start: number; end: number }, taken: readonly { start: number; end: number }[]): boolean {
  return taken.some((t) => a.start < t.end && t.start < a.end);
}

/** Every stretch of the text that looks like patient or person data, in text order. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const detector of PATTERN_DETECTORS) {
    for (const m of text.matchAll(detector.pattern)) {
      const span = { kind: detector.kind, start: m.index, end: m.index + m[0].length };
      if (detector.accept && !detector.accept(m[0])) continue;
      if (!overlaps(span, found)) found.push(span);
    }
  }
  for (const span of findPersonNames(text)) {
    if (!overlaps(span, found)) found.push({ kind: 'PERSON_NAME', ...span });
  }
  return found.sort((a, b) => a.start - b.start);
}
