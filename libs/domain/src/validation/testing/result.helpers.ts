import type { Edit, EditCode, ValidationResult } from '../edit';

/** "CODE severity lines" per edit, e.g. "PTP_BUNDLED deny 2", for compact exact assertions. */
export function summary(result: ValidationResult): string[] {
  return result.edits.map((e) => `${e.code} ${e.severity} ${e.lines.join(',')}`);
}

export function only(result: ValidationResult, code: EditCode): Edit[] {
  return result.edits.filter((e) => e.code === code);
}

export function deniedLines(result: ValidationResult): number[] {
  return result.lines.filter((l) => l.denied).map((l) => l.lineNumber);
}
