import { type ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '@claimflow/runtime';
import { ProblemFilter, writeProblem } from '@claimflow/http-edge';

/** Seconds a client is told to wait before retrying while the ledger is unreachable. */
export const RETRY_AFTER_S = 5;

/** The ledger did not answer in time: nothing was acknowledged, a retry is safe (duplicates are recognised). */
export class IntakeUnavailable extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor() {
    super('the claim ledger is unreachable; nothing was acknowledged, retry later');
    this.name = 'IntakeUnavailable';
  }
}

/** Resolves with `work`, or rejects with IntakeUnavailable when it takes longer than `ms` or fails for want of the database. */
export function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new IntakeUnavailable()), ms)));
  // The losing side of the race must not surface as an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, expiry])
    .catch((error: unknown) => {
      throw isDatabaseUnavailable(error) ? new IntakeUnavailable() : error;
    })
    .finally(() => clearTimeout(timer));
}

/** 503 with Retry-After for an unreachable database, on every ingest HTTP route; anything else as every service answers it. */
@Catch()
export class IntakeUnavailableFilter extends ProblemFilter {
  override catch(error: unknown, host: ArgumentsHost): unknown {
    if (!(error instanceof IntakeUnavailable) && !isDatabaseUnavailable(error)) return super.catch(error, host);
    const res = host.switchToHttp().getResponse<Response>();
    const unavailable = error instanceof IntakeUnavailable ? error : new IntakeUnavailable();
    writeProblem(
      res,
      HttpStatus.SERVICE_UNAVAILABLE,
      { code: unavailable.code, message: unavailable.message },
      { 'retry-after': String(RETRY_AFTER_S) },
    );
  }
}
