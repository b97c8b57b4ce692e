import type { FieldError } from '../field-error';

/** At most this many errors are reported for one claim... */
export const MAX_ERRORS_PER_CLAIM = 100;
/** ...and for a whole submission (its own errors and every claim's together). */
export const MAX_ERRORS_PER_SUBMISSION = 1000;
/** Messages, paths and sources are cut to this length, so an echoed value cannot grow an answer. */
export const MAX_ERROR_TEXT = 300;

export interface BoundedErrors {
  readonly errors: FieldError[];
  /** How many errors were found but left out of `errors`. */
  readonly omitted: number;
}

const cut = (text: string) => (text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT - 1)}…` : text);

function shortened(e: FieldError): FieldError {
  const short: FieldError = { path: cut(e.path), code: e.code, message: cut(e.message) };
  return e.source === undefined ? short : { ...short, source: cut(e.source) };
}

/** The first `max` errors (texts shortened) and a count of the rest. */
export function boundErrors(errors: readonly FieldError[], max: number = MAX_ERRORS_PER_CLAIM): BoundedErrors {
  const kept = errors.slice(0, Math.max(0, max)).map(shortened);
  return { errors: kept, omitted: errors.length - kept.length };
}

/**
 * The error allowance of one submission: each claim gets at most `perClaim`, and all of them
 * together at most `total`; what does not fit is counted, not listed.
 */
export class ErrorBudget {
  private left: number;

  constructor(
    total: number = MAX_ERRORS_PER_SUBMISSION,
    private readonly perClaim: number = MAX_ERRORS_PER_CLAIM,
  ) {
    this.left = total;
  }

  take(errors: readonly FieldError[], max: number = this.perClaim): BoundedErrors {
    const bounded = boundErrors(errors, Math.min(max, this.left));
    this.left -= bounded.errors.length;
    return bounded;
  }
}
