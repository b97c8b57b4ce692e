import { err, type Err } from '../../shared/result';

export type ParseErrorCode = 'BAD_HEADER' | 'BAD_COLUMN_COUNT' | 'BAD_NUMBER' | 'BAD_VALUE' | 'TRUNCATED' | 'EMPTY';

/** A malformed input: where (1-based line of the record start) and why. */
export interface ParseError {
  readonly code: ParseErrorCode;
  readonly line: number;
  readonly reason: string;
}

export const parseError = (code: ParseErrorCode, line: number, reason: string): Err<ParseError> => err({ code, line, reason });
