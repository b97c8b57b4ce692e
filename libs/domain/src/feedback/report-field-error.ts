import type { z } from 'zod';
import type { PersonalDataKind } from './personal-data.patterns';

export type ReportFieldErrorCode =
  | 'REQUIRED'
  | 'TYPE_INVALID'
  | 'FORMAT_INVALID'
  | 'VALUE_UNKNOWN'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  | 'FIELD_NOT_ALLOWED'
  | 'VALUE_INVALID'
  | 'DENIED_CODE_NOT_BILLED'
  | 'MONTH_IN_FUTURE'
  | `PERSONAL_DATA_${PersonalDataKind}`;

/** One problem with one field of a denial report; `path` is dotted (`billedCodes.0.units`). */
export interface ReportFieldError {
  readonly path: string;
  readonly code: ReportFieldErrorCode;
  readonly message: string;
}

function issueCode(issue: z.core.$ZodIssue): ReportFieldErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.endsWith('received undefined') ? 'REQUIRED' : 'TYPE_INVALID';
    case 'invalid_format':
      return 'FORMAT_INVALID';
    case 'invalid_value':
    case 'invalid_union':
      return 'VALUE_UNKNOWN';
    case 'too_big':
      return 'TOO_LONG';
    case 'too_small':
      return 'TOO_SHORT';
    case 'unrecognized_keys':
      return 'FIELD_NOT_ALLOWED';
    default:
      return 'VALUE_INVALID';
  }
}

export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ReportFieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        code: 'FIELD_NOT_ALLOWED' as const,
        message: 'this field is not part of a denial report; reports carry no other data, so nothing personal can ride along',
      }));
    }
    return [{ path, code: issueCode(issue), message: issue.message }];
  });
}
