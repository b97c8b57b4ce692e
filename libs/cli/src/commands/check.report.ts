import type { CheckedClaim, FieldError, IntakeFormat, Outcome } from '@claimflow/domain';
import { EXIT, type CliFailure } from '../cli-failure';

/** A claim of the file that could not be normalized, with each error's field and X12 segment or FHIR element. */
export interface RejectedClaim {
  readonly index: number;
  readonly submitterClaimId?: string;
  readonly errors: readonly FieldError[];
}

/**
 * What `claimflow check --json` prints, always one document of one shape, for one claim, many, or none (an error):
 * outcome first (clean | denied | incomplete | error), the exit code, then every claim checked, every claim
 * rejected, and the errors of the input as a whole.
 */
export interface CheckReport {
  readonly outcome: Outcome | 'error';
  readonly exitCode: number;
  readonly format?: IntakeFormat;
  /** Each claim checked, with its position in the file (from 0) and its outcome first. */
  readonly claims: readonly ReportedClaim[];
  readonly rejected: readonly RejectedClaim[];
  readonly errors: readonly (CliFailure | FieldError)[];
}

export type ReportedClaim = CheckedClaim & { readonly index: number; readonly outcome: Outcome };

export function failedReport(error: CliFailure): CheckReport {
  return { outcome: 'error', exitCode: EXIT.notChecked, claims: [], rejected: [], errors: [error] };
}

/** 1 when any line is denied; else 2 when anything could not be checked (claims rejected, families not checked); else 0. */
export function checkReport(
  format: IntakeFormat,
  checked: readonly (CheckedClaim & { readonly index: number })[],
  rejected: readonly RejectedClaim[],
  errors: readonly FieldError[],
): CheckReport {
  const claims = checked.map(({ index, ...c }) => ({ index, outcome: c.validation.outcome, ...c }));
  const denied = claims.some((c) => c.outcome === 'denied');
  const incomplete = claims.some((c) => c.outcome === 'incomplete') || rejected.length > 0 || errors.length > 0;
  const nothing = claims.length === 0;
  const outcome: CheckReport['outcome'] = denied ? 'denied' : nothing ? 'error' : incomplete ? 'incomplete' : 'clean';
  const exitCode = denied ? EXIT.denied : incomplete || nothing ? EXIT.notChecked : EXIT.clean;
  return { outcome, exitCode, format, claims, rejected, errors };
}
