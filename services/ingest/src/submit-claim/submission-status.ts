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
