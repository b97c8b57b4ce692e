import { HttpException, HttpStatus } from '@nestjs/common';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { CheckPoolBusy, type CheckAnswer } from './check-pool';

const gzipAsync = promisify(gzip);
/** Below this an answer goes as is: gzip's own header and the CPU are not worth it. */
const COMPRESS_FROM_BYTES = 1024;
/** Seconds a refused check waits: the queue of a few ~0.1-0.3 s checks has drained by then. */
export const CHECK_RETRY_AFTER_SECONDS = 2;

export interface RawResponse {
  status(code: number): RawResponse;
  setHeader(name: string, value: string): void;
  end(body: Buffer | string): void;
}

/**
 * Sends a worker's answer, gzip-compressed when the client accepts it (node:zlib, in libuv's thread
 * pool, off the event loop); the project has no compression middleware and adds none.
 */
export async function sendAnswer(res: RawResponse, acceptEncoding: string | undefined, answer: CheckAnswer): Promise<void> {
  const body = Buffer.from(answer.json);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Vary', 'Accept-Encoding');
  res.status(answer.status);
  if (body.length >= COMPRESS_FROM_BYTES && /\bgzip\b/i.test(acceptEncoding ?? '')) {
    res.setHeader('Content-Encoding', 'gzip');
    res.end(await gzipAsync(body));
  } else res.end(body);
}

/** Pool full (or the check failed in its worker): 503 with Retry-After, naming what to do. */
export function unavailable(res: RawResponse, error: unknown): HttpException {
  res.setHeader('Retry-After', String(CHECK_RETRY_AFTER_SECONDS));
  return error instanceof CheckPoolBusy
    ? new HttpException(
        { code: 'CHECK_BUSY', message: 'too many checks are running; retry after Retry-After seconds' },
        HttpStatus.SERVICE_UNAVAILABLE,
      )
    : new HttpException(
        { code: 'CHECK_UNAVAILABLE', message: 'the check could not be finished; retry later' },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
}
