import { HttpStatus } from '@nestjs/common';
import type { FieldErrorCode } from '@claimflow/domain';
import type { SubmissionOutcome } from './submission';

/** Submission problems that mean the bytes could not be read at all: a 400, not a 422. */
const UNREADABLE: ReadonlySet<FieldErrorCode> = new Set<FieldErrorCode>(['ENCODING_INVALID', 'NUL_CHARACTER', 'JSON_MALFORMED']);

/**
 * 400 when nothing was accepted because the body is unreadable (bad UTF-8, NUL, not JSON);
 * 422 when nothing was accepted otherwise; 200 when every accepted claim has its final answer,
 * 202 when results are still on their way.
 */
export function submissionStatus(outcome: SubmissionOutcome, allFinal: boolean): HttpStatus {
  if (outcome.accepted.length === 0) {
    const unreadable = outcome.errors.some((e) => UNREADABLE.has(e.code as FieldErrorCode));
    return unreadable ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
  }
  return allFinal ? HttpStatus.OK : HttpStatus.ACCEPTED;
}

/**
 * The code and detail of a submission of which nothing was accepted: the unreadable body's own code (JSON_MALFORMED,
 * ENCODING_INVALID, NUL_CHARACTER) for a 400, SUBMISSION_REJECTED for a 422 (each problem in errors and rejected[]).
 */
export function submissionRefusal(outcome: SubmissionOutcome, status: HttpStatus): { code: string; message: string } {
  const unreadable = outcome.errors.find((e) => UNREADABLE.has(e.code as FieldErrorCode));
  if (status === HttpStatus.BAD_REQUEST && unreadable) return { code: unreadable.code, message: unreadable.message };
  const refused = outcome.rejected.length;
  return {
    code: 'SUBMISSION_REJECTED',
    message:
      refused > 0
        ? `no claim was accepted: ${refused} refused, each with its problems in rejected[]`
        : 'the submission was refused; see errors',
  };
}
