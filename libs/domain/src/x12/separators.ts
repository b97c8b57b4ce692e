import { err, ok, type Result } from '../shared/result';

export interface X12Separators {
  readonly element: string;
  readonly component: string;
  readonly repetition: string;
  readonly segment: string;
}

export const ISA_LENGTH = 106;
/** ISA01..ISA16 are fixed width, which is what lets a reader find the separators. */
const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];

/** Reads the separators from a 106-character ISA segment (terminator included). */
export function readSeparators(isa: string): Result<X12Separators, string> {
  if (isa.length < ISA_LENGTH || !isa.startsWith('ISA')) return err('interchange must start with a 106-character ISA segment');
  const element = isa[3];
  const elements = isa.slice(0, ISA_LENGTH - 1).split(element);
  if (elements.length !== 17) return err(`ISA must have 16 elements separated by "${element}", found ${elements.length - 1}`);
  const bad = ISA_WIDTHS.findIndex((w, i) => elements[i + 1].length !== w);
  if (bad >= 0) return err(`ISA${String(bad + 1).padStart(2, '0')} must be ${ISA_WIDTHS[bad]} characters wide`);
  const separators = { element, component: isa[104], repetition: isa[82], segment: isa[105] };
  const chars = [separators.element, separators.component, separators.segment];
  // A line break is a legal segment terminator; letters, digits and spaces never are.
  const unusable = (c: string, i: number) => /[A-Za-z0-9 ]/.test(c) || (i < 2 && /\s/.test(c));
  if (new Set(chars).size !== 3 || chars.some(unusable)) {
    return err('ISA separators must be distinct, non-alphanumeric characters');
  }
  return ok(separators);
}
