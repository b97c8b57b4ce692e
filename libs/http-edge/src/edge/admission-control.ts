import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeProblem } from '../problem/problem';

/**
 * Requests a service works on at once (claims, remittances, checks, reads) before it answers 503 OVERLOADED.
 * Measured on ingest (libs/e2e/test/admission.int-spec.ts: concurrent claim POSTs, each refused one retrying after
 * Retry-After, real broker and Postgres, 2 cores shared, load ~8). 1,200 clients: unbounded, 84 s until all were
 * in, 963 answers 503 DATABASE_UNAVAILABLE (pool waits timed out), longest readiness 2.2 s; 16: 715 in within 5
 * tries, readiness 2.5 s; 64: 1,007 in, readiness 1.0 s; 256: 1,200 in, readiness 1.8 s. 2,700 clients: 64,
 * readiness 2.8 s, every 503 OVERLOADED; 256, readiness 2.9 s and 390 DATABASE_UNAVAILABLE. 64 keeps the
 * Postgres pool from timing out, so a refusal says what it is. Single runs each: noisy.
 */
export const DEFAULT_ADMISSION_LIMIT = 64;

/** Seconds a refused client is told to wait: in-flight requests finish in tens of milliseconds, so soon is enough. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 2;

/** Never refused and never counted: a load balancer's probes and the scraper must answer however busy the service. */
const EXEMPT = /^\/(?:health|metrics)(?:[/?]|$)/;

export interface AdmissionControl {
  (req: IncomingMessage, res: ServerResponse, next: () => void): void;
  /** Requests being worked on now (exempt ones not counted). */
  readonly inFlight: () => number;
  /** Requests refused with 503 OVERLOADED since the start. */
  readonly refused: () => number;
}

/**
 * Admission control at the HTTP edge, before any body is read: at most `limit` requests in flight; one more is
 * answered 503 application/problem+json, code OVERLOADED, with Retry-After, at the cost of writing a small answer,
 * so a retry flood cannot queue the service's work (and its readiness answer) behind itself. A slot is given back
 * when the answer is sent or the client goes away, whichever comes first.
 */
export function admissionControl(limit: number): AdmissionControl {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`admission limit must be a positive integer, got ${limit}`);
  let inFlight = 0;
  let refused = 0;
  const admit = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (EXEMPT.test(req.url ?? '/')) return next();
    if (inFlight >= limit) {
      refused++;
      return writeProblem(
        res,
        503,
        { code: 'OVERLOADED', message: `the service is at capacity; retry after the time in Retry-After` },
        { 'retry-after': String(OVERLOADED_RETRY_AFTER_SECONDS) },
      );
    }
    inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
  return Object.assign(admit, { inFlight: () => inFlight, refused: () => refused });
}
