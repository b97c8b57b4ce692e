/** What pricing needs from the validator: which lines it denied, and by which edits. */
export interface LineValidation {
  readonly lineNumber: number;
  readonly denied: boolean;
  readonly edits: readonly { readonly code: string; readonly severity?: string }[];
}

export interface ValidationInput {
  readonly lines: readonly LineValidation[];
}

/** Edit codes that denied the line: the deny-severity ones when severities are given. */
export function denyingEdits(v: LineValidation): string[] {
  const deny = v.edits.filter((e) => e.severity === undefined || e.severity === 'deny');
  return [...new Set((deny.length ? deny : v.edits).map((e) => e.code))];
}
